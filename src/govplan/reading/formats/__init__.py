"""Readers for the file formats plans are published in: Word .docx, web pages, HTML entities."""

__all__: list[str] = []
