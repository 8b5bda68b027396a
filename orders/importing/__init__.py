"""Customer P/O files into orders: read, check (a dry run), then write all or nothing."""
