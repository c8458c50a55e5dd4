"""Words and number/date formats in the plan's language, for every renderer.

One table of interface labels (`LABELS`, id → Russian and English) and babel-based
formatters, so the site, the PDF, the calendar files and the terminal report all say
`182 500 ₽` and `22 ноября 2026` for a Russian plan, `75,600` and `November 22, 2026` for an
English one. Renderers format; they never compute (figures arrive already computed).

Add new labels to `LABELS` (keep ids lowercase with dots, grouped by renderer).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from generator.catalogue import Label

LOCALES = {"ru": "ru_RU", "en": "en_US"}


@lru_cache(maxsize=4)
def locale(language: str) -> Locale:
    """The babel locale of a plan language."""
    return Locale.parse(LOCALES.get(language, "en_US"))


def fmt_number(value: float | int | None, language: str, digits: int = 0) -> str:
    """`182500` → `182 500` (ru, narrow no-break space) / `182,500` (en); None → an em dash."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(value, digits) if digits else round(value), format=pattern, locale=locale(language))


def fmt_decimal(value: float | int | None, language: str, max_digits: int = 2) -> str:
    """A number with up to `max_digits` decimals, trailing zeros dropped (`0.5`, `12`)."""
    if value is None:
        return "—"
    pattern = "#,##0." + "#" * max_digits
    return format_decimal(value, format=pattern, locale=locale(language))


def fmt_money(value: float | int | None, currency: str, language: str, digits: int = 0) -> str:
    """`182500, RUB, ru` → `182 500 ₽`; `75600, USD, en` → `$75,600`."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    loc = locale(language)
    symbol_pattern = loc.currency_formats["standard"].pattern
    # Keep the locale's placement of the currency sign but our precision.
    pattern = symbol_pattern.split(";")[0].replace("#,##0.00", pattern).replace("#,##0", pattern, 1)
    return format_currency(value, currency, format=pattern, locale=loc, currency_digits=False)


def currency_symbol(currency: str, language: str) -> str:
    """`RUB` → `₽` (ru), `RUB` (en)."""
    return get_currency_symbol(currency, locale=locale(language))


def fmt_percent(share: float | None, language: str, digits: int = 0) -> str:
    """A share as a percentage: `0.35` → `35%` in both languages (the sign written close, as Russian business text does)."""
    if share is None:
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits else "") + "%"
    return format_percent(share, format=pattern, locale=locale(language))


def fmt_date(day: date | None, language: str, style: str = "long") -> str:
    """`2026-11-22` → `22 ноября 2026 г.`-style long dates; `short` gives `22.11.2026` / `11/22/26`."""
    if day is None:
        return "—"
    if style == "long" and language == "ru":
        # babel's ru long format ends in " г."; consultants write "22 ноября 2026".
        return babel_format_date(day, format="d MMMM y", locale=locale(language))
    return babel_format_date(day, format=style, locale=locale(language))


def fmt_month(day: date, language: str) -> str:
    """`2026-12-01` → `декабрь 2026` / `December 2026` (standalone month name)."""
    return babel_format_date(day, format="LLLL y", locale=locale(language))


def fmt_arithmetic(
    work: Any, language: str, max_digits: int = 2, percent_result: bool = False, with_result: bool = True
) -> str:
    """A worked calculation (`generator.figures.Arithmetic`) written out: `50 × 365 × 10 = 182 500`.

    Sub-expressions get parentheses only where precedence needs them
    (`100 × (62 − 13) / 100 = 49`); `percent_result` shows the result as a percentage
    (`240 / 300 = 80 %`).
    """
    precedence = {"+": 1, "−": 1, "×": 2, "/": 2}

    def number(value: float) -> str:
        text = fmt_decimal(value, language, max_digits)
        return text.replace("-", "−")

    def expression(node: Any, parent: str | None, first: bool) -> str:
        if not hasattr(node, "operator"):
            text = number(node)
            return f"({text})" if node < 0 and not first else text
        if not node.operands:  # an empty sum: just its value
            return number(node.result)
        inner = f" {node.operator} ".join(
            expression(operand, node.operator, i == 0) for i, operand in enumerate(node.operands)
        )
        if parent is not None and (
            precedence[node.operator] < precedence[parent]
            or (precedence[node.operator] == precedence[parent] and not first and parent in ("−", "/"))
        ):
            return f"({inner})"
        return inner

    text = expression(work, None, True)
    if not with_result:
        return text
    result = fmt_percent(work.result, language, max_digits) if percent_result else number(work.result)
    return f"{text} = {result}"


def t(key: str, language: str) -> str:
    """The interface label `key` in `language`; a missing key is a bug in playbook."""
    return LABELS[key].in_(language)


LABELS: dict[str, Label] = {
    # shared
    "status.done": Label("есть", "done"),
    "status.partial": Label("частично", "partial"),
    "status.absent": Label("нет", "absent"),
    "status.n/a": Label("не применимо", "n/a"),
    "status.not assessed": Label("не оценено", "not assessed"),
    "band.poor": Label("плохо", "poor"),
    "band.needs work": Label("нужна работа", "needs work"),
    "band.good": Label("хорошо", "good"),
    "priority.high": Label("высокий", "high"),
    "priority.medium": Label("средний", "medium"),
    "priority.low": Label("низкий", "low"),
    "kpi.met": Label("достигнуто", "met"),
    "kpi.behind": Label("отстаём", "behind"),
    "kpi.pending": Label("ожидается", "pending"),
    "kpi.not measured": Label("не измерено", "not measured"),
    "kpi.no target": Label("нет целевого значения", "no target"),
    "slot.new": Label("Новая статья", "New article"),
    "slot.refresh": Label("Обновить", "Refresh"),
    "slot.research": Label("День поиска тем", "Research day"),
    "slot.done": Label("Сделано", "Done"),
    "slot.missed": Label("Пропущено", "Missed"),
    # charts (generator/charts.py)
    "chart.before": Label("было", "before"),
    "chart.cumulative": Label("нарастающим итогом к концу периода", "cumulative by the end of the period"),
    # PDF audit (generator/pdf_context.py, theme/pdf/audit.j2.html)
    "pdf.title": Label("Аудит цифрового маркетинга", "Digital marketing audit"),
    "pdf.subtitle": Label("Аудит, стратегия и план внедрения", "Audit, strategy and implementation plan"),
    "pdf.client": Label("Клиент", "Client"),
    "pdf.consultant": Label("Консультант", "Consultant"),
    "pdf.audit_date": Label("Дата аудита", "Audit date"),
    "pdf.figures_on": Label("Данные на", "Figures as of"),
    "pdf.industry": Label("Отрасль", "Industry"),
    "pdf.region": Label("Регион", "Region"),
    "pdf.model": Label("Модель", "Model"),
    "pdf.overall": Label("Общая оценка", "Overall score"),
    "pdf.page": Label("Стр.", "Page"),
    "pdf.of": Label("из", "of"),
    "pdf.contents": Label("Содержание", "Contents"),
    "pdf.summary": Label("Главное", "Executive summary"),
    "pdf.scores": Label("Оценки по семействам инструментов", "Scores by family of tools"),
    "pdf.key_figures": Label("Цифры, которые важны", "The figures that matter"),
    "pdf.top_recommendations": Label("Сделать в первую очередь", "Do these first"),
    "pdf.no_recommendations": Label("Рекомендаций с высоким приоритетом нет.", "No high-priority recommendations."),
    "pdf.families": Label("Семейства инструментов", "Families of tools"),
    "pdf.tool": Label("Инструмент", "Tool"),
    "pdf.status": Label("Статус", "Status"),
    "pdf.weight": Label("Вес", "Weight"),
    "pdf.finding": Label("Что найдено", "Finding"),
    "pdf.recommendation": Label("Рекомендация", "Recommendation"),
    "pdf.recommendations": Label("Рекомендации", "Recommendations"),
    "pdf.priority": Label("Приоритет", "Priority"),
    "pdf.score": Label("Оценка", "Score"),
    "pdf.band": Label("Уровень", "Band"),
    "pdf.worked": Label("Расчёт", "Worked"),
    "pdf.custom": Label("свой инструмент", "custom tool"),
    "pdf.no_score": Label(
        "Нет оценённых инструментов: семейство не входит в общую оценку.",
        "No assessed tool: the family is left out of the overall score.",
    ),
    "pdf.practices": Label("Четыре постоянные проблемы", "The four standing problems"),
    "pdf.evidence": Label("Что говорят данные плана", "What the plan's data says"),
    "pdf.evidence_differs": Label("данные плана говорят иначе", "the plan's data disagrees"),
    "pdf.evidence.completion_rate": Label("выполнено слотов календаря: {value}", "calendar slots done: {value}"),
    "pdf.evidence.manual_hours": Label("вручную: {value} ч в месяц", "by hand: {value} h a month"),
    "pdf.evidence.business_metrics": Label(
        "считаются бизнес-метрики (LTV, NPS): {value} из 2", "business metrics computed (LTV, NPS): {value} of 2"
    ),
    "pdf.evidence.crm_status": Label("CRM в аудите: {value}", "CRM in the audit: {value}"),
    "pdf.evidence.none": Label("данных нет", "no data"),
    "pdf.current_tool": Label("Сейчас", "Now"),
    "pdf.economics": Label("Экономика клиента", "Customer economics"),
    "pdf.ltv": Label("LTV (выручка)", "LTV (revenue)"),
    "pdf.ltv_profit": Label("LTV (прибыль)", "LTV (profit)"),
    "pdf.ltv_cac": Label("LTV / CAC", "LTV / CAC"),
    "pdf.ltv_note": Label("средний чек × покупок в год × лет с нами", "average check × purchases a year × years"),
    "pdf.nps": Label("NPS", "NPS"),
    "pdf.nps_counts": Label("промоутеры {p}, нейтралы {n}, критики {d}", "promoters {p}, passives {n}, detractors {d}"),
    "pdf.funnel": Label("Воронка", "Funnel"),
    "pdf.funnel_conversion": Label("Конверсия воронки", "Funnel conversion"),
    "pdf.stage": Label("Этап", "Stage"),
    "pdf.count": Label("Количество", "Count"),
    "pdf.from_previous": Label("От предыдущего", "From previous"),
    "pdf.from_first": Label("От первого", "From first"),
    "pdf.manual_hours": Label("Ручной труд", "Manual work"),
    "pdf.hours_month": Label("ч в месяц", "h a month"),
    "pdf.hours_year": Label("ч в год", "h a year"),
    "pdf.content_completion": Label("Контент-дисциплина", "Content discipline"),
    "pdf.no_due": Label("слотов ещё не было", "no slot due yet"),
    "pdf.slots_done": Label("{done} из {due} слотов", "{done} of {due} slots"),
    "pdf.automation": Label("Автоматизация", "Automation"),
    "pdf.process": Label("Процесс", "Process"),
    "pdf.hours": Label("Часов в месяц", "Hours a month"),
    "pdf.automation.manual": Label("вручную", "manual"),
    "pdf.automation.planned": Label("запланировано", "planned"),
    "pdf.automation.automated": Label("автоматизировано", "automated"),
    "pdf.total_by_hand": Label("Всё ещё вручную", "Still by hand"),
    "pdf.forecast": Label("Прогноз окупаемости", "ROI forecast"),
    "pdf.forecast_chart": Label("Затраты и прибыль нарастающим итогом", "Cumulative cost and profit"),
    "pdf.cost": Label("Затраты", "Cost"),
    "pdf.profit": Label("Прибыль", "Profit"),
    "pdf.scenario": Label("Сценарий", "Scenario"),
    "pdf.multiplier": Label("Множитель", "Multiplier"),
    "pdf.new_customers": Label("Новых клиентов", "New customers"),
    "pdf.roi": Label("ROI", "ROI"),
    "pdf.payback": Label("Окупаемость", "Payback"),
    "pdf.no_payback": Label("не в горизонте", "not within the horizon"),
    "pdf.profit_per_customer": Label("Прибыль с клиента в месяц", "Profit per customer a month"),
    "pdf.horizon": Label("{months} мес. с {start}", "{months} months from {start}"),
    "pdf.scenario.pessimistic": Label("пессимистичный", "pessimistic"),
    "pdf.scenario.base": Label("базовый", "base"),
    "pdf.scenario.optimistic": Label("оптимистичный", "optimistic"),
    "pdf.checkpoints": Label("Контрольные точки", "Checkpoints"),
    "pdf.date": Label("Дата", "Date"),
    "pdf.goal": Label("Цель", "Goal"),
    "pdf.target": Label("План", "Target"),
    "pdf.actual": Label("Факт", "Actual"),
    "pdf.corrections": Label("Где корректировать стратегию", "Where to correct the strategy"),
    "pdf.no_corrections": Label(
        "Корректировать нечего: измеренные KPI достигнуты.", "Nothing to correct: every measured KPI is met."
    ),
    "pdf.strategy": Label("Стратегия и дорожная карта", "Strategy and roadmap"),
    "pdf.goals": Label("Цели", "Goals"),
    "pdf.business_goal": Label("Бизнес-цель", "Business goal"),
    "pdf.baseline": Label("Сейчас", "Baseline"),
    "pdf.deadline": Label("Срок", "Deadline"),
    "pdf.initiatives": Label("Инициативы", "Initiatives"),
    "pdf.initiative": Label("Инициатива", "Initiative"),
    "pdf.component": Label("Инструмент", "Component"),
    "pdf.budget": Label("Бюджет в месяц", "Budget a month"),
    "pdf.roadmap": Label("Дорожная карта", "Roadmap"),
    "pdf.content": Label("Контент-дисциплина", "Content discipline"),
    "pdf.calendar_heatmap": Label("Календарь статей", "Article calendar"),
    "pdf.slots": Label("Слотов", "Slots"),
    "pdf.done": Label("Сделано", "Done"),
    "pdf.missed": Label("Пропущено", "Missed"),
    "pdf.rate": Label("Выполнение", "Completion"),
    "pdf.streak": Label("Серия сейчас", "Current streak"),
    "pdf.longest": Label("Лучшая серия", "Longest streak"),
    "pdf.hours_invested": Label("Вложено часов", "Hours invested"),
    "pdf.projected": Label("Статей за календарь (прогноз)", "Articles over the calendar (projected)"),
    "pdf.yardstick": Label(
        "Час в день каждый день — это 365 часов в год; одна статья в день — более 300 статей.",
        "An hour a day, every day, is 365 hours a year; an article a day is 300+ articles.",
    ),
    "pdf.comparison": Label("Изменения с прошлого аудита", "Change since the previous audit"),
    "pdf.before": Label("Было", "Before"),
    "pdf.after": Label("Стало", "After"),
    "pdf.change": Label("Изменение", "Change"),
    "pdf.previous_date": Label("Прошлый аудит", "Previous audit"),
    "pdf.method": Label("Методика", "Method"),
    "pdf.method.scores": Label(
        "Каждый инструмент оценён: есть = 1, частично = 0,5, нет = 0; «не применимо» и не оценённые не учитываются. "
        "Оценка семейства = 100 × Σ(вес × значение) / Σ(вес), округление половины вверх. "
        "Общая оценка — среднее оценок семейств. Уровни: 0–49 плохо, 50–89 нужна работа, 90–100 хорошо.",
        "Each tool is assessed: done = 1, partial = 0.5, absent = 0; n/a and unassessed tools are left out. "
        "Family score = 100 × Σ(weight × value) / Σ(weight), halves rounded up. "
        "The overall score is the mean of the family scores. Bands: 0–49 poor, 50–89 needs work, 90–100 good.",
    ),
    "pdf.method.metrics": Label(
        "LTV = средний чек × покупок в год × лет с нами. NPS = 100 × (промоутеры − критики) / все ответы. "
        "Прогноз: затраты месяца = бюджеты идущих инициатив + разовые затраты; прибыль месяца = привлечённые "
        "клиенты × средний чек × покупок в год / 12 × маржа; ROI = (Σ прибыль − Σ затраты) / Σ затраты.",
        "LTV = average check × purchases a year × years a customer stays. "
        "NPS = 100 × (promoters − detractors) / all answers. Forecast: a month's cost = budgets of running "
        "initiatives + one-off costs; a month's profit = customers acquired × average check × purchases a year / 12 "
        "× margin; ROI = (Σ profit − Σ cost) / Σ cost.",
    ),
    "pdf.method.steps": Label("Восемь шагов метода", "The eight steps of the method"),
    "pdf.step_empty": Label("не заполнен", "empty"),
    "pdf.step_filled": Label("заполнен", "filled"),
    "pdf.description": Label("О бизнесе", "About the business"),
    "pdf.current_state": Label("Текущее состояние", "Current state"),
    # calendar (.ics, CSV, the today command)
    "calendar.name": Label("Календарь статей", "Article calendar"),
    "calendar.query": Label("Поисковый запрос", "Search query"),
    "calendar.segment": Label("Сегмент", "Segment"),
    "calendar.budget": Label("Время", "Time budget"),
    "calendar.minutes": Label("мин", "min"),
    "calendar.volume": Label("запросов в месяц", "searches a month"),
    "calendar.from_demand": Label("Тема из поискового спроса", "Topic from search demand"),
    "calendar.last_written": Label("Последний раз написана", "Last written"),
    "calendar.refresh_hint": Label(
        "Нет новых идей: улучшите старую статью (факты, фото, ответы на вопросы)",
        "No new ideas: improve an old article (facts, photos, answers to questions)",
    ),
    "calendar.research_hint": Label(
        "Идеи кончились: найдите новые темы (вопросы клиентов, поисковые запросы, конкуренты) и внесите их в backlog",
        "Out of ideas: find new topics (customers' questions, search queries, competitors) and add them to the backlog",
    ),
    "calendar.done_refresh": Label("обновление", "refresh"),
    "calendar.missed_hint": Label("В этот день статья не записана в журнал", "No article was logged that day"),
    "calendar.also": Label("Ещё в этот день", "Also that day"),
    "calendar.today": Label("Сегодня", "Today"),
    "calendar.streak": Label("Серия", "Streak"),
    "calendar.done_due": Label("сделано/к сроку", "done/due"),
    "calendar.no_content": Label("— (в плане нет раздела content:)", "— (no content: section)"),
    "calendar.no_slot": Label("Сегодня нет слота", "No slot today"),
    "calendar.next": Label("Следующий слот", "Next slot"),
    "calendar.client": Label("Клиент", "Client"),
    "calendar.task": Label("Задача", "Task"),
    "calendar.ended": Label("Календарь закончился", "The calendar has ended"),
    # site pages (generator/site_context.py, theme/pages/*.j2.md)
    "site.page.overview": Label("Обзор", "Overview"),
    "site.page.goals": Label("Цели", "Goals"),
    "site.page.audience": Label("Аудитория", "Audience"),
    "site.page.competitors": Label("Конкуренты", "Competitors"),
    "site.page.audit": Label("Аудит", "Audit"),
    "site.page.strategy": Label("Стратегия", "Strategy"),
    "site.page.roadmap": Label("План работ", "Roadmap"),
    "site.page.checkpoints": Label("Контрольные точки", "Checkpoints"),
    "site.page.economics": Label("Экономика", "Economics"),
    "site.page.forecast": Label("Прогноз ROI", "ROI forecast"),
    "site.page.automation": Label("Автоматизация", "Automation"),
    "site.page.calendar": Label("Календарь статей", "Content calendar"),
    "site.page.downloads": Label("Файлы", "Downloads"),
    "site.describe.index": Label(
        "{name}: стратегия цифрового маркетинга — бизнес, текущее состояние и 8 шагов метода",
        "{name}: digital-marketing strategy — the business, its current state and the 8 steps of the method",
    ),
    "site.describe.goals": Label(
        "{name}: цели интернет-маркетинга и бизнес-цели, которым они служат",
        "{name}: e-marketing goals and the business goals they serve",
    ),
    "site.describe.audience": Label(
        "{name}: сегменты аудитории, портреты, потребности, где собираются и поисковый спрос",
        "{name}: audience segments, portraits, needs, where they gather and search demand",
    ),
    "site.describe.competitors": Label(
        "{name}: сильные и слабые стороны конкурентов", "{name}: competitors' strengths and weaknesses"
    ),
    "site.describe.audit": Label(
        "{name}: аудит цифрового маркетинга — оценки по пяти семействам инструментов и четыре практики",
        "{name}: audit of digital marketing — scores of the five families of tools and the four practices",
    ),
    "site.describe.strategy": Label(
        "{name}: инициативы стратегии по инструментам, сегментам и целям",
        "{name}: the strategy's initiatives by tool, segment and goal",
    ),
    "site.describe.roadmap": Label(
        "{name}: план внедрения — сроки, ответственные, разовые затраты",
        "{name}: implementation roadmap — dates, owners, one-off costs",
    ),
    "site.describe.checkpoints": Label(
        "{name}: контрольные точки — цели и факт, что корректировать",
        "{name}: checkpoints — targets against actuals, what to correct",
    ),
    "site.describe.economics": Label(
        "{name}: LTV, NPS и воронка продаж с расчётами", "{name}: LTV, NPS and the sales funnel, with the arithmetic"
    ),
    "site.describe.forecast": Label(
        "{name}: прогноз ROI по сценариям, окупаемость", "{name}: ROI forecast per scenario and payback"
    ),
    "site.describe.automation": Label(
        "{name}: ручная работа, которую стоит автоматизировать", "{name}: manual work worth automating"
    ),
    "site.describe.calendar": Label(
        "{name}: календарь статей — ежедневная дисциплина, серии, часы, план",
        "{name}: content calendar — the daily discipline, streaks, hours, plan",
    ),
    "site.describe.downloads": Label(
        "{name}: PDF-аудит, календарь статей для подписки (.ics) и CSV",
        "{name}: PDF audit, the article calendar to subscribe to (.ics) and CSV",
    ),
    "site.empty.title": Label("Этот шаг пока не заполнен", "This step is still empty"),
    "site.empty.business": Label(
        "Опишите бизнес в разделе business плана: модель, отрасль, регион, описание и текущее состояние.",
        "Describe the business in the plan's business section: model, industry, region, description, current state.",
    ),
    "site.empty.goals": Label(
        "Добавьте в план раздел goals: цели интернет-маркетинга и бизнес-цели, которым они служат.",
        "Add a goals section to the plan: e-marketing goals and the business goals they serve.",
    ),
    "site.empty.segments": Label(
        "Добавьте в план раздел segments: сегменты, портреты, потребности, площадки и спрос.",
        "Add a segments section to the plan: segments, portraits, needs, places and demand.",
    ),
    "site.empty.competitors": Label(
        "Добавьте в план раздел competitors: сильные и слабые стороны конкурентов.",
        "Add a competitors section to the plan: their strengths and weaknesses.",
    ),
    "site.empty.audit": Label(
        "Добавьте в план раздел audit: оценку пяти семейств инструментов и четырёх практик.",
        "Add an audit section to the plan: the five families of tools and the four practices.",
    ),
    "site.empty.strategy": Label(
        "Добавьте в план раздел strategy: резюме и инициативы.",
        "Add a strategy section to the plan: a summary and initiatives.",
    ),
    "site.empty.roadmap": Label(
        "Добавьте в план раздел roadmap: сроки, ответственных и затраты по инициативам.",
        "Add a roadmap section to the plan: dates, owners and costs of the initiatives.",
    ),
    "site.empty.checkpoints": Label(
        "Добавьте в план раздел checkpoints: даты проверки и KPI.",
        "Add a checkpoints section to the plan: dates and KPIs to check.",
    ),
    "site.empty.economics": Label(
        "Добавьте в план раздел economics: средний чек, покупки в год, срок жизни клиента, NPS, воронку.",
        "Add an economics section to the plan: average check, purchases a year, lifetime, NPS, funnel.",
    ),
    "site.empty.forecast": Label(
        "Прогноз не рассчитан: нужны economics.average_check и economics.purchases_per_year.",
        "No forecast yet: it needs economics.average_check and economics.purchases_per_year.",
    ),
    "site.empty.automation": Label(
        "Добавьте в план раздел automation: процессы и часы ручной работы в месяц.",
        "Add an automation section to the plan: processes and the hours they take by hand.",
    ),
    "site.empty.calendar": Label(
        "Добавьте в план раздел content (хотя бы start), чтобы получить календарь статей.",
        "Add a content section to the plan (at least start) to get the article calendar.",
    ),
    "site.fact.model": Label("Модель", "Model"),
    "site.fact.industry": Label("Отрасль", "Industry"),
    "site.fact.region": Label("Регион", "Region"),
    "site.fact.consultant": Label("Консультант", "Consultant"),
    "site.fact.audit_date": Label("Дата аудита", "Audit date"),
    "site.fact.today": Label("Данные на", "Figures as of"),
    "site.step.filled": Label("заполнен", "filled"),
    "site.step.empty": Label("пока пуст", "still empty"),
    "site.steps_filled": Label("Заполнено шагов: {done} из {total}.", "Steps filled: {done} of {total}."),
    "site.hl.audit": Label("Оценка аудита", "Audit score"),
    "site.hl.roi": Label("ROI за горизонт", "ROI over the horizon"),
    "site.hl.streak": Label("Серия публикаций", "Publishing streak"),
    "site.overview.business": Label("Бизнес", "The business"),
    "site.overview.current_state": Label("Текущее состояние", "Current state"),
    "site.overview.steps": Label("8 шагов метода", "The 8 steps of the method"),
    "site.overview.contents": Label("Разделы плейбука", "Sections of the playbook"),
    "site.goals.intro": Label(
        "Каждая цель интернет-маркетинга служит цели бизнеса и измеряется метрикой.",
        "Each e-marketing goal serves a business goal and is measured by a metric.",
    ),
    "site.goals.business_goal": Label("Цель бизнеса", "Business goal"),
    "site.goals.goal": Label("Цель интернет-маркетинга", "E-marketing goal"),
    "site.goals.metric": Label("Метрика", "Metric"),
    "site.goals.baseline": Label("Сейчас", "Baseline"),
    "site.goals.target": Label("Цель", "Target"),
    "site.goals.direction": Label("Лучше", "Better"),
    "site.goals.deadline": Label("Срок", "Deadline"),
    "site.direction.up": Label("↑ больше", "↑ higher"),
    "site.direction.down": Label("↓ меньше", "↓ lower"),
    "site.aud.share": Label("Доля клиентов", "Share of customers"),
    "site.aud.portrait": Label("Портрет", "Portrait"),
    "site.aud.needs": Label("Потребности", "Needs"),
    "site.aud.pains": Label("Боли", "Pains"),
    "site.aud.places": Label("Где собираются", "Where they gather"),
    "site.aud.place": Label("Площадка", "Place"),
    "site.aud.kind": Label("Тип", "Kind"),
    "site.aud.reach": Label("Охват", "Reach"),
    "site.aud.demand": Label("Поисковый спрос", "Search demand"),
    "site.aud.query": Label("Запрос", "Query"),
    "site.aud.volume": Label("Запросов в месяц", "Searches a month"),
    "site.aud.source": Label("Источник", "Source"),
    "site.place.search": Label("поиск", "search"),
    "site.place.social": Label("соцсеть", "social network"),
    "site.place.messenger": Label("мессенджер", "messenger"),
    "site.place.marketplace": Label("маркетплейс", "marketplace"),
    "site.place.maps": Label("карты", "maps"),
    "site.place.forum": Label("форум", "forum"),
    "site.place.email": Label("email", "email"),
    "site.place.offline": Label("офлайн", "offline"),
    "site.place.other": Label("другое", "other"),
    "site.total": Label("Итого", "Total"),
    "site.comp.website": Label("Сайт", "Website"),
    "site.comp.strengths": Label("Сильные стороны", "Strengths"),
    "site.comp.weaknesses": Label("Слабые стороны", "Weaknesses"),
    "site.audit.overall": Label("Общая оценка", "Overall score"),
    "site.audit.date": Label("Дата аудита", "Audit date"),
    "site.audit.bands": Label("Шкала: 0–49 плохо, 50–89 нужна работа, 90–100 хорошо.", "Bands: 0–49 poor, 50–89 needs work, 90–100 good."),
    "site.audit.families": Label("Оценки по семействам инструментов", "Scores by family of tools"),
    "site.audit.family": Label("Семейство", "Family"),
    "site.audit.score": Label("Оценка", "Score"),
    "site.audit.band": Label("Уровень", "Band"),
    "site.audit.arithmetic": Label("Расчёт", "Arithmetic"),
    "site.audit.no_scored": Label("нет оценённых инструментов", "no assessed tools"),
    "site.audit.change": Label("Изменения с прошлого аудита", "Change since the previous audit"),
    "site.audit.change_intro": Label("Сравнение с аудитом от", "Compared with the audit of"),
    "site.audit.before": Label("Было", "Before"),
    "site.audit.after": Label("Стало", "Now"),
    "site.audit.delta": Label("Изменение", "Change"),
    "site.audit.recommendations": Label("Находки и рекомендации", "Findings and recommendations"),
    "site.audit.priority": Label("Приоритет", "Priority"),
    "site.audit.tool": Label("Инструмент", "Tool"),
    "site.audit.status": Label("Статус", "Status"),
    "site.audit.weight": Label("Вес", "Weight"),
    "site.audit.finding": Label("Что нашли", "Finding"),
    "site.audit.recommendation": Label("Что сделать", "Recommendation"),
    "site.audit.practices": Label("Четыре практики", "The four practices"),
    "site.audit.practices_intro": Label(
        "Четыре постоянные проблемы интернет-маркетинга: нерегулярная работа, ручной труд, оценка по впечатлениям вместо бизнес-метрик, тетради вместо CRM.",
        "The four standing problems of internet marketing: irregular work, manual work, judging by impressions instead of business metrics, notebooks instead of a CRM.",
    ),
    "site.audit.crm_tool": Label("Сейчас используют", "In use now"),
    "site.audit.evidence": Label("Что говорят данные плана", "What the plan's data say"),
    "site.audit.tools": Label("Инструменты по семействам", "Tools by family"),
    "site.evidence.none": Label("данных нет", "no data"),
    "site.evidence.completion_rate": Label("выполнено {value} слотов календаря", "{value} of calendar slots done"),
    "site.evidence.manual_hours": Label("{value} ч в месяц вручную", "{value} h a month by hand"),
    "site.evidence.business_metrics": Label("рассчитано бизнес-метрик (LTV, NPS): {value} из 2", "business metrics computed (LTV, NPS): {value} of 2"),
    "site.evidence.crm_status": Label("CRM в аудите: {value}", "CRM in the audit: {value}"),
    "site.strategy.no_component": Label("Без привязки к инструменту", "Not tied to a tool"),
    "site.strategy.segments": Label("Сегменты", "Segments"),
    "site.strategy.goals": Label("Цели", "Goals"),
    "site.strategy.budget": Label("Бюджет в месяц", "Budget a month"),
    "site.strategy.new_customers": Label("Новых клиентов в месяц", "New customers a month"),
    "site.roadmap.initiative": Label("Инициатива", "Initiative"),
    "site.roadmap.start": Label("Начало", "Start"),
    "site.roadmap.end": Label("Конец", "End"),
    "site.roadmap.owner": Label("Ответственный", "Owner"),
    "site.roadmap.cost": Label("Разовые затраты", "One-off cost"),
    "site.cp.passed": Label("прошла", "passed"),
    "site.cp.upcoming": Label("впереди", "upcoming"),
    "site.cp.goal": Label("Цель", "Goal"),
    "site.cp.target": Label("План", "Target"),
    "site.cp.actual": Label("Факт", "Actual"),
    "site.cp.status": Label("Статус", "Status"),
    "site.cp.date": Label("Дата", "Date"),
    "site.cp.correct": Label("Что корректировать", "What to correct"),
    "site.cp.what": Label("Действие", "Action"),
    "site.cp.nothing": Label("Корректировать нечего: все измеренные KPI достигнуты.", "Nothing to correct: every measured KPI is met."),
    "site.correct.behind": Label(
        "Отстаём от плана: пересмотрите инициативы, которые ведут к этой цели.",
        "Behind target: revisit the initiatives that serve this goal.",
    ),
    "site.correct.not measured": Label(
        "Дата прошла, а факт не измерен: внесите значение в план.",
        "The date has passed and nothing was measured: record the actual in the plan.",
    ),
    "site.correct.no target": Label("Задайте целевое значение.", "Set a target."),
    "site.econ.intro": Label(
        "Результат оценивают бизнес-метриками, а не показами и отказами.",
        "Results are judged by business metrics, not by impressions and bounce rate.",
    ),
    "site.econ.average_check": Label("Средний чек", "Average check"),
    "site.econ.purchases_per_year": Label("Покупок в год", "Purchases a year"),
    "site.econ.lifetime_years": Label("Срок жизни клиента, лет", "Customer lifetime, years"),
    "site.econ.gross_margin": Label("Валовая маржа", "Gross margin"),
    "site.econ.customers": Label("Активных клиентов", "Active customers"),
    "site.econ.cac": Label("Стоимость привлечения (CAC)", "Acquisition cost (CAC)"),
    "site.econ.ltv": Label("LTV (выручка)", "LTV (revenue)"),
    "site.econ.ltv_note": Label(
        "средний чек × покупок в год × лет", "average check × purchases a year × years"
    ),
    "site.econ.ltv_profit": Label("LTV (прибыль)", "LTV (profit)"),
    "site.econ.ltv_profit_note": Label("LTV × валовая маржа", "LTV × gross margin"),
    "site.econ.ltv_cac_profit": Label("LTV по прибыли / CAC", "profit LTV / CAC"),
    "site.econ.ltv_cac_revenue": Label("LTV по выручке / CAC", "revenue LTV / CAC"),
    "site.econ.nps_counts": Label("по числу ответов", "from answer counts"),
    "site.econ.nps_scores": Label("по оценкам 0–10", "from 0–10 scores"),
    "site.econ.promoters": Label("Промоутеры (9–10)", "Promoters (9–10)"),
    "site.econ.passives": Label("Нейтралы (7–8)", "Passives (7–8)"),
    "site.econ.detractors": Label("Критики (0–6)", "Detractors (0–6)"),
    "site.econ.funnel": Label("Воронка", "Funnel"),
    "site.econ.stage": Label("Этап", "Stage"),
    "site.econ.count": Label("Количество", "Count"),
    "site.econ.from_previous": Label("Конверсия из предыдущего", "From the previous stage"),
    "site.econ.from_first": Label("От первого этапа", "From the first stage"),
    "site.scenario": Label("Сценарий", "Scenario"),
    "site.fc.intro": Label("Прогноз на {months} мес. с {start}.", "Forecast over {months} months from {start}."),
    "site.fc.start_forecast": Label("(начало задано в плане)", "(start set in the plan)"),
    "site.fc.start_roadmap": Label("(начало — первый месяц плана работ)", "(start: the roadmap's first month)"),
    "site.fc.start_audit": Label("(начало — месяц аудита)", "(start: the audit's month)"),
    "site.fc.start_today": Label("(начало — текущий месяц)", "(start: this month)"),
    "site.fc.per_customer": Label("Прибыль с клиента в месяц", "Profit per customer a month"),
    "site.fc.summary": Label("Итоги по сценариям", "Scenarios at a glance"),
    "site.fc.multiplier": Label("Множитель", "Multiplier"),
    "site.fc.new": Label("Новые клиенты", "New customers"),
    "site.fc.customers": Label("Клиентов всего", "Customers so far"),
    "site.fc.cost": Label("Затраты", "Cost"),
    "site.fc.profit": Label("Прибыль", "Profit"),
    "site.fc.cum_cost": Label("Затраты нарастающим итогом", "Cumulative cost"),
    "site.fc.cum_profit": Label("Прибыль нарастающим итогом", "Cumulative profit"),
    "site.fc.month": Label("Месяц", "Month"),
    "site.fc.payback": Label("Окупаемость", "Payback"),
    "site.fc.payback_month": Label("{month}-й месяц ({date})", "month {month} ({date})"),
    "site.fc.no_payback": Label("не окупается в горизонте", "not within the horizon"),
    "site.auto.intro": Label(
        "Всё, что можно автоматизировать, нужно автоматизировать: ручные часы — это деньги.",
        "Whatever can be automated should be: hours spent by hand cost money.",
    ),
    "site.auto.by_hand": Label("Вручную, ч в месяц", "By hand, hours a month"),
    "site.auto.automated_hours": Label("Уже автоматизировано", "Already automated"),
    "site.auto.hours_month": Label("ч в месяц", "hours a month"),
    "site.auto.hours_year": Label("ч в год", "hours a year"),
    "site.auto.process": Label("Процесс", "Process"),
    "site.auto.hours": Label("Часов в месяц", "Hours a month"),
    "site.auto.tool": Label("Инструмент", "Tool"),
    "site.auto.manual_total": Label("Вручную, без плана", "By hand, no plan yet"),
    "site.auto.planned_total": Label("Вручную, автоматизация в плане", "By hand, automation planned"),
    "site.auto.manual": Label("вручную", "manual"),
    "site.auto.planned": Label("в плане", "planned"),
    "site.auto.automated": Label("автоматизировано", "automated"),
    "site.cal.intro": Label("Ежедневная дисциплина публикаций, период:", "The daily publishing discipline, period:"),
    "site.cal.next": Label("Задача", "Task"),
    "site.cal.slots": Label("Слотов", "Slots"),
    "site.cal.done": Label("Сделано", "Done"),
    "site.cal.missed": Label("Пропущено", "Missed"),
    "site.cal.rate": Label("Выполнение", "Completion"),
    "site.cal.current_streak": Label("Текущая серия", "Current streak"),
    "site.cal.longest_streak": Label("Лучшая серия", "Longest streak"),
    "site.cal.projected": Label("Статей за период (прогноз)", "Articles projected"),
    "site.cal.to_write": Label("Осталось написать", "Still to write"),
    "site.cal.hours": Label("Часы против нормы 365 в год", "Hours against the 365-a-year yardstick"),
    "site.cal.hours_text": Label(
        "Вложено {hours} ч из {yardstick}: час в день каждый день — это {yardstick} часов в год; слот здесь — {minutes} мин.",
        "{hours} hours invested of {yardstick}: an hour a day, every day, is {yardstick} hours a year; a slot here is {minutes} min.",
    ),
    "site.cal.planned_text": Label(
        "Впереди: новых статей {new}, обновлений {refresh}, дней поиска тем {research}.",
        "Ahead: {new} new articles, {refresh} refreshes, {research} research days.",
    ),
    "site.cal.heatmap": Label("Год публикаций", "The year at a glance"),
    "site.cal.upcoming": Label("Ближайшие слоты", "Next slots"),
    "site.cal.kind": Label("Что делать", "Kind"),
    "site.cal.article": Label("Статья", "Article"),
    "site.cal.months": Label("По месяцам", "Month by month"),
    "site.cal.holiday": Label("праздник", "public holiday"),
    "site.cal.no_slot": Label("нет слота", "no slot"),
    "site.slotkind.new": Label("новая", "new"),
    "site.slotkind.refresh": Label("обновление", "refresh"),
    "site.slotkind.research": Label("поиск тем", "research"),
    "site.wd.mon": Label("Пн", "Mon"),
    "site.wd.tue": Label("Вт", "Tue"),
    "site.wd.wed": Label("Ср", "Wed"),
    "site.wd.thu": Label("Чт", "Thu"),
    "site.wd.fri": Label("Пт", "Fri"),
    "site.wd.sat": Label("Сб", "Sat"),
    "site.wd.sun": Label("Вс", "Sun"),
    "site.dl.intro": Label("Всё, что можно скачать или на что можно подписаться.", "Everything to download or subscribe to."),
    "site.dl.pdf": Label("PDF-аудит", "PDF audit"),
    "site.dl.pdf_button": Label("Скачать аудит (PDF)", "Download the audit (PDF)"),
    "site.dl.pdf_text": Label(
        "Аудит для печати: оценки, находки и рекомендации на листах A4.",
        "The audit for print: scores, findings and recommendations on A4 pages.",
    ),
    "site.dl.calendar": Label("Календарь статей", "Article calendar"),
    "site.dl.ics_button": Label("Календарь (.ics)", "Calendar (.ics)"),
    "site.dl.csv_button": Label("Таблица (CSV)", "Spreadsheet (CSV)"),
    "site.dl.subscribe": Label("Как подписаться", "How to subscribe"),
    "site.dl.subscribe_text": Label(
        "Подписка лучше разового импорта: календарь сам обновляется после каждой сборки плейбука.",
        "Subscribing beats a one-off import: the calendar updates itself after every build of the playbook.",
    ),
    "site.dl.subscribe_step1": Label(
        "Скопируйте адрес ссылки «Календарь (.ics)» (правая кнопка мыши → «Копировать адрес ссылки»).",
        "Copy the address of the “Calendar (.ics)” link (right-click → “Copy link address”).",
    ),
    "site.dl.subscribe_step2": Label(
        "Google Календарь: «Другие календари» → «Добавить по URL». Apple Календарь: «Файл» → «Новая подписка на календарь». Outlook: «Добавить календарь» → «Подписаться из Интернета».",
        "Google Calendar: “Other calendars” → “From URL”. Apple Calendar: “File” → “New Calendar Subscription”. Outlook: “Add calendar” → “Subscribe from web”.",
    ),
    "site.dl.subscribe_step3": Label(
        "Вставьте адрес: каждый день в календаре появится тема статьи на сегодня.",
        "Paste the address: every day shows the day's article topic.",
    ),
    "site.dl.csv_text": Label(
        "CSV открывается в Excel и Google Таблицах: все слоты с датами, темами и статусами.",
        "The CSV opens in Excel and Google Sheets: every slot with its date, topic and status.",
    ),
    "site.portfolio.title": Label("Плейбуки клиентов", "Client playbooks"),
    "site.portfolio.description": Label(
        "Стратегии цифрового маркетинга клиентов: аудит, цели, аудитория, стратегия, прогноз ROI и календарь статей",
        "Clients' digital-marketing strategies: audit, goals, audience, strategy, ROI forecast and article calendar",
    ),
    "site.portfolio.intro": Label(
        "Каждый плейбук собран из YAML-плана клиента по 8 шагам метода.",
        "Each playbook is built from the client's YAML plan along the 8 steps of the method.",
    ),
    "site.portfolio.client": Label("Клиент", "Client"),
    "site.portfolio.steps": Label("Шагов заполнено", "Steps filled"),
    "site.nav.client_pages": Label("Дополнительно", "More"),
    "site.nav.method": Label("Метод", "Method"),
    "site.nav.home": Label("Клиенты", "Clients"),
    "site.scn.pessimistic": Label("пессимистичный", "pessimistic"),
    "site.scn.base": Label("базовый", "base"),
    "site.scn.optimistic": Label("оптимистичный", "optimistic"),
}
