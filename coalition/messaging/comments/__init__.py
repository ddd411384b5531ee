"""Comments on a draft or on a quoted passage of it, with replies, resolved and reopened."""
