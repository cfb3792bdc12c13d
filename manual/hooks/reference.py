"""Placeholder: replaced in the next step by the generated reference."""
