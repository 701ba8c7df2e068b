"""Item pipelines, one per module: validate -> canonical URL -> dedup -> store."""
