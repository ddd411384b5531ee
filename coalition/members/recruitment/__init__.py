"""The coalition framework: the recruitment pipeline, representation by sector, sectors."""
