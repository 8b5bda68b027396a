"""R32 work memos (工作聯絡函)."""
