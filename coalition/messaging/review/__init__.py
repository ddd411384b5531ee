"""Review and sign-off: reviewers asked, sign-off rules, decisions on a revision, publishing."""
