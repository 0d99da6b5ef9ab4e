"""Quarterly reports: the data (model), Markdown from templates, and the official DOCX."""
