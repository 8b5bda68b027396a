"""The forms machinery: PDF forms rendered by WeasyPrint, sent to factories, confirmed by link."""
