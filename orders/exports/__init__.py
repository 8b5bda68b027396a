"""Lists as sheets: each list declares its columns and rows once; the page shows them and the
export writes them (XLSX streamed through openpyxl's write-only mode, or CSV)."""
