"""Drawing helpers below the presentation stage: inline SVG charts and plan Markdown made safe HTML.

They import nothing of `generator.present`: words and formatted numbers arrive as values (a
`generator.draw.charts.Voice`, which `generator.present.i18n.PlanLanguage` is).
"""
