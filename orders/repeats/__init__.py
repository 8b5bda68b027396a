"""R28 repeat orders (翻單)."""
