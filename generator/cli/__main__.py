"""`python -m generator.cli`: the same as the `playbook` command."""

import sys

from generator.cli import main

sys.exit(main())
