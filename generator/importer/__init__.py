"""`playbook import` (contract v3): the client's exports → `measured/<slug>.yaml`, aggregates only.

`tables` reads a file of any recognised format, `recognise` finds its kind and columns, `cells`
reads numbers and dates, `deals`, `survey` and `web` measure each kind, `spans` holds the months
arithmetic, `store` merges and writes, `run` is what the CLI calls. Never imported by
`playbook build`: the build reads the YAML aggregates only (tests/builder/test_stream.py).
"""
