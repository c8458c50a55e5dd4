"""playbook: YAML marketing plans → strategy playbook site, PDF audits and an article calendar.

Pipeline: load (YAML → model) → compute (figures) → render (pages, PDF, calendar) → write.
"""

__version__ = "0.1.0"
