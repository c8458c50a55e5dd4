"""From the first meeting to a valid plan: the meeting's questions, its answers (a file, a preset's
defaults or a terminal interview), the plan they make, and the printable intake form.

`questions` holds the questionnaire (shared by all), `answers` reads and merges answers, `plan`
writes the commented plan, `interview` asks in a terminal, `form` lays out the printable form.
"""
