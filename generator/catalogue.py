"""The fixed catalogue of the method: five families of tools, the four practices, the eight steps.

It lives in one data module so that the model (validation), the figures (scoring) and every
renderer (labels) agree on ids, order and wording. Labels are given in both languages a plan
may use; renderers pick one by `business.language`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Language = Literal["ru", "en"]
LANGUAGES: tuple[Language, ...] = ("ru", "en")


@dataclass(frozen=True)
class Label:
    """A label in the two languages a plan may use."""

    ru: str
    en: str

    def in_(self, language: str) -> str:
        """The label in `language` (English for anything but Russian)."""
        return self.ru if language == "ru" else self.en


@dataclass(frozen=True)
class Family:
    """One family of electronic-marketing tools and its catalogue tools, in display order."""

    id: str
    label: Label
    tools: dict[str, Label]


FAMILIES: dict[str, Family] = {
    f.id: f
    for f in (
        Family(
            "online",
            Label("Онлайн-инструменты", "Online tools"),
            {
                "seo": Label("Поисковое продвижение (SEO)", "Search engine optimisation (SEO)"),
                "social": Label("Социальные сети", "Social media"),
                "email": Label("Email-рассылки", "Email marketing"),
                "website": Label("Сайт", "Website"),
                "content": Label("Контент-маркетинг", "Content marketing"),
                "ads": Label("Контекстная и таргетированная реклама", "Paid search and targeted ads"),
            },
        ),
        Family(
            "mobile",
            Label("Мобильный маркетинг", "Mobile marketing"),
            {
                "apps": Label("Мобильные приложения", "Mobile apps"),
                "mobile_ads": Label("Мобильная реклама", "Mobile advertising"),
                "mobile_site": Label("Мобильная версия сайта", "Mobile website"),
                "sms": Label("SMS-рассылки", "SMS campaigns"),
                "messengers": Label("Мессенджеры", "Messengers"),
            },
        ),
        Family(
            "sales",
            Label("Электронные продажи", "E-sales"),
            {
                "crm": Label("CRM-система", "CRM system"),
                "commercial_offers": Label("Коммерческие предложения", "Commercial offers"),
                "callback": Label("Обратный звонок", "Callback"),
                "call_recording": Label("Запись звонков", "Call recording"),
                "online_chat": Label("Онлайн-чат", "Online chat"),
                "sales_scripts": Label("Скрипты продаж", "Sales scripts"),
            },
        ),
        Family(
            "analytics",
            Label("Аналитика", "Analytics"),
            {
                "web_analytics": Label("Веб-аналитика", "Web analytics"),
                "channel_analysis": Label("Анализ каналов", "Channel analysis"),
                "crm_telephony": Label("Связка CRM и телефонии", "CRM + telephony"),
                "dashboards": Label("Дашборды", "Dashboards"),
            },
        ),
        Family(
            "it",
            Label("ИТ-системы", "IT systems"),
            {
                "ordering_stock": Label("Заказы и складской учёт", "Ordering and stock"),
                "dealer_sites": Label("Сайты для дилеров", "Dealer sites"),
                "training": Label("Обучение", "Training"),
            },
        ),
    )
}

FAMILY_IDS: tuple[str, ...] = tuple(FAMILIES)

PRACTICES: dict[str, Label] = {
    "regularity": Label("Регулярность", "Regularity"),
    "automation": Label("Автоматизация", "Automation"),
    "evaluation": Label("Оценка по бизнес-метрикам", "Judging by business metrics"),
    "crm": Label("CRM вместо тетрадей", "A CRM, not notebooks"),
}

STATUSES: dict[str, Label] = {
    "done": Label("есть", "done"),
    "partial": Label("частично", "partial"),
    "absent": Label("нет", "absent"),
    "n/a": Label("не применимо", "n/a"),
    "not assessed": Label("не оценено", "not assessed"),
}

# The eight steps of the method, keyed by the plan sections that fill them.
STEPS: tuple[tuple[int, str, Label], ...] = (
    (1, "business", Label("Бизнес-модель и текущее состояние", "Business model and current state")),
    (2, "goals", Label("Цели, которые служат целям бизнеса", "Goals that serve business goals")),
    (3, "segments", Label("Сегменты, портреты, потребности", "Segments, portraits, needs")),
    (4, "places", Label("Где собирается аудитория и спрос", "Where the audience gathers, search demand")),
    (5, "competitors", Label("Конкуренты: сильные и слабые стороны", "Competitors' strengths and weaknesses")),
    (6, "audit", Label("Аудит электронного маркетинга", "Audit of electronic marketing")),
    (7, "strategy", Label("Стратегия", "Strategy")),
    (8, "plan", Label("План внедрения и прогноз ROI", "Implementation plan and ROI forecast")),
)


def tool_label(family: str, tool: str, language: str) -> str:
    """Display name of a catalogue tool, or the id itself for a tool the catalogue lacks."""
    fam = FAMILIES.get(family)
    if fam and tool in fam.tools:
        return fam.tools[tool].in_(language)
    return tool
