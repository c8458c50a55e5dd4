"""Headline patterns and the outline each one briefs, in Russian and English.

A pattern is the shape of an article a copywriter would accept for an intent, a need, a pain or
a competitor: a question ("Сколько стоит …?"), a how-to, a price breakdown, a checklist, a
comparison, a case, a local guide, a FAQ. Its title and its 3–5 outline points are format
strings over the phrases `generator.compute.wording` prepares in the right case:

- `{s}` the service (nominative), `{s_acc}`, `{s_gen}`, `{s_loc}` its cases, `{o}` "о"/"об"
  before `{s_loc}`, `{which}`/`{which_acc}` "какой/какая/…" agreeing with it, `{costs}`
  "стоит"/"стоят"; English `{a_s}` the service with its article, `{do}` "does"/"do";
- `{where}` " в Москве и Бибиреве" / " in Cork" (with its leading space, or empty), `{place}`
  one place's " в Бибиреве";
- `{seg}` the segment's name (en), `{seg_gen}` in the genitive (ru: "для жителей соседних домов");
- `{text}` a need, pain or weakness as written, `{text_q}` quoted once, `{x}` the noun after
  "нет"/"no", `{needed}` "Нужен/Нужна/…", `{rival}` a competitor's name, `{n}` a count.

Titles are put into sentence case after filling; outlines are briefs, not published text.
"""

from __future__ import annotations

# pattern → language → (title, outline points)
PATTERNS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "topic": {
        "ru": (
            "{s}: что нужно знать перед выбором",
            (
                "Что ищет читатель и в какой ситуации",
                "Главные вопросы перед выбором — с ответами",
                "Как это устроено у нас",
            ),
        ),
        "en": (
            "{s}: what to know before you choose",
            (
                "What the reader is looking for, and when",
                "The main questions before choosing, answered",
                "How we do it",
            ),
        ),
    },
    "howto": {
        "ru": (
            "Как выбрать {s_acc}{where}: на что смотреть",
            (
                "Кому и когда нужен такой выбор: ситуация читателя",
                "5–7 признаков хорошего варианта, с примерами",
                "Чего избегать: типичные ловушки",
                "Как выбираем и делаем мы — с фото или цифрами",
            ),
        ),
        "en": (
            "Choosing {a_s}{where}: what to look for",
            (
                "The reader's situation: when this choice comes up",
                "Five to seven signs of a good option, with examples",
                "Traps to avoid",
                "How we do it, with photos or figures",
            ),
        ),
    },
    "price": {
        "ru": (
            "Сколько {costs} {s} и из чего складывается цена",
            (
                "Диапазон цен и от чего он зависит",
                "Из чего складывается цена: 3–5 статей",
                "Где можно сэкономить, а где не стоит",
                "Наши цены и что в них входит",
            ),
        ),
        "en": (
            "How much {do} {a_s} cost? What makes up the price",
            (
                "The price range and what moves it",
                "What the price is made of: three to five items",
                "Where to save and where not to",
                "Our prices and what they include",
            ),
        ),
    },
    "checklist": {
        "ru": (
            "Чек-лист: что проверить, когда выбираете {s_acc}",
            (
                "Для кого чек-лист и когда его открыть",
                "7–10 пунктов проверки, каждый с пояснением",
                "Что делать, если пункт не выполнен",
                "Чек-лист в виде картинки или PDF для сохранения",
            ),
        ),
        "en": (
            "Checklist: what to check before you choose {a_s}",
            (
                "Who the checklist is for and when to use it",
                "Seven to ten points, each explained",
                "What to do when a point fails",
                "The checklist as an image or PDF to keep",
            ),
        ),
    },
    "faq": {
        "ru": (
            "Частые вопросы {o} {s_loc} — и наши ответы",
            (
                "5–8 вопросов, которые задают чаще всего (из звонков и переписки)",
                "Короткий честный ответ на каждый",
                "Куда написать или позвонить с другим вопросом",
            ),
        ),
        "en": (
            "Frequently asked questions about {s_pl}",
            (
                "Five to eight questions customers ask most (from calls and emails)",
                "A short, honest answer to each",
                "Where to ask anything else",
            ),
        ),
    },
    "when": {
        "ru": (
            "Когда {needed_low} {s}: признаки и сроки",
            (
                "Признаки, что пора",
                "Сроки и периодичность",
                "Что будет, если отложить",
                "Как записаться или заказать",
            ),
        ),
        "en": (
            "When do you need {a_s}? Signs and timing",
            (
                "Signs that it is time",
                "How often, and when",
                "What happens if you put it off",
                "How to book or order",
            ),
        ),
    },
    "duration": {
        "ru": (
            "Сколько времени занимает {s}: от записи до результата",
            (
                "Из каких этапов состоит работа",
                "Сколько длится каждый этап",
                "Что может затянуть сроки",
                "Как записаться на удобное время",
            ),
        ),
        "en": (
            "How long {do} {a_s} take? From booking to result",
            (
                "The stages of the work",
                "How long each stage takes",
                "What can hold it up",
                "How to book a convenient time",
            ),
        ),
    },
    "myths": {
        "ru": (
            "Мифы {o} {s_loc}: что правда, а что нет",
            (
                "4–6 распространённых мифов",
                "Что на самом деле — с фактами",
                "Что из этого важно при выборе",
            ),
        ),
        "en": (
            "Myths about {s_pl}: what is true and what is not",
            (
                "Four to six common myths",
                "What is actually true, with facts",
                "What matters when choosing",
            ),
        ),
    },
    "pain_what": {
        "ru": (
            "Что делать, если {text_low}: советы клиентам",
            (
                "Почему так происходит",
                "Что можно сделать сразу",
                "Как выбрать, чтобы это не повторилось",
                "Чем можем помочь мы",
            ),
        ),
        "en": (
            "Dealing with {text_low}: practical tips",
            (
                "Why it happens",
                "What you can do straight away",
                "Choosing so that it does not happen again",
                "How we can help",
            ),
        ),
    },
    "np_what": {
        "ru": (
            "Что делать при {s_loc}: советы клиентам",
            (
                "Почему так происходит",
                "Что можно сделать сразу",
                "Как выбрать, чтобы это не повторилось",
                "Чем можем помочь мы",
            ),
        ),
        "en": (
            "Dealing with {s_loc}: practical tips",
            (
                "Why it happens",
                "What you can do straight away",
                "Choosing so that it does not happen again",
                "How we can help",
            ),
        ),
    },
    "absent_what": {
        "ru": (
            "{text}? Что можно сделать",
            (
                "Почему так бывает",
                "Что можно сделать сразу",
                "Как это устроено у нас",
            ),
        ),
        "en": (
            "{text}? What you can do",
            (
                "Why it happens",
                "What you can do straight away",
                "How we do it",
            ),
        ),
    },
    "weakness_check": {
        "ru": (
            "{text_q}: на что смотреть при выборе",
            (
                "Почему это важно клиенту",
                "Как распознать заранее: вопросы и признаки",
                "Как это устроено у нас",
            ),
        ),
        "en": (
            "{text_q}: what to check when choosing",
            (
                "Why it matters to the customer",
                "Spotting it in advance: questions and signs",
                "How we do it",
            ),
        ),
    },
    "mistakes": {
        "ru": (
            "5 ошибок при выборе {s_gen}",
            (
                "Пять ошибок, каждая с примером",
                "Чем каждая обходится клиенту",
                "Как её избежать",
                "Как мы страхуем от них наших клиентов",
            ),
        ),
        "en": (
            "Five mistakes to avoid when choosing {a_s}",
            (
                "Five mistakes, each with an example",
                "What each one costs the customer",
                "How to avoid it",
                "How we protect our customers from them",
            ),
        ),
    },
    "comparison": {
        "ru": (
            "{which_acc} {s_acc} выбрать: сравниваем варианты",
            (
                "Какие есть варианты: 3–4 типа",
                "Таблица сравнения: цена, сроки, качество",
                "Кому какой вариант подходит",
                "Что выбирают наши клиенты и почему",
            ),
        ),
        "en": (
            "Which {s} to choose: comparing the options",
            (
                "The options: three or four kinds",
                "A comparison table: price, time, quality",
                "Which option suits whom",
                "What our customers choose, and why",
            ),
        ),
    },
    "case": {
        "ru": (
            "Случай из практики: {s} — от заявки до результата",
            (
                "Кто клиент и с чем пришёл",
                "Что предложили и почему",
                "Как всё прошло: сроки, детали, фото",
                "Результат и отзыв клиента",
            ),
        ),
        "en": (
            "Case study: {a_s}, from enquiry to result",
            (
                "Who the customer was and what they needed",
                "What we proposed, and why",
                "How it went: timing, details, photos",
                "The result, in the customer's words",
            ),
        ),
    },
    "segment": {
        "ru": (
            "{s} для {seg_gen}: что важно знать",
            (
                "Ситуация и запросы этих читателей",
                "Что для них важно в первую очередь",
                "Готовые варианты под их задачу",
                "Как заказать или записаться",
            ),
        ),
        "en": (
            "{s_pl} for {seg}: what matters most",
            (
                "The readers' situation and what they ask for",
                "What matters to them first",
                "Options that fit their job",
                "How to order or book",
            ),
        ),
    },
    "local": {
        "ru": (
            "{s}{place}: где найти и как не ошибиться",
            (
                "Что есть в районе: варианты и ориентиры",
                "На что смотреть на месте",
                "Как добраться, часы работы, парковка",
                "Почему заглянуть к нам",
            ),
        ),
        "en": (
            "{s_pl}{place}: where to find a good one",
            (
                "What the area offers: options and landmarks",
                "What to look for on the spot",
                "Getting there, opening hours, parking",
                "Why call in on us",
            ),
        ),
    },
    "need_np": {
        "ru": (
            "{needed} {text}? Вот как это устроено у нас",
            (
                "Когда и кому это нужно",
                "Как это устроено у нас: по шагам",
                "Сроки, цены, условия",
                "Как заказать",
            ),
        ),
        "en": (
            "Need {text}? Here is how we arrange it",
            (
                "When and who needs it",
                "How we arrange it, step by step",
                "Timing, prices, conditions",
                "How to order",
            ),
        ),
    },
    "need_about": {
        "ru": (
            "Что важно знать {o} {s_loc}: ответы на вопросы",
            (
                "Вопросы, которые задают чаще всего",
                "Ответы с примерами",
                "Что мы предлагаем",
            ),
        ),
        "en": (
            "Getting {text}: what to expect",
            (
                "What customers usually ask",
                "Answers with examples",
                "What we offer",
            ),
        ),
    },
    "need_inf": {
        "ru": (
            "Хотите {text}? Вот как это устроено у нас",
            (
                "Когда это нужно",
                "Как это сделать у нас: по шагам",
                "Что подготовить заранее",
                "Куда нажать или позвонить",
            ),
        ),
        "en": (
            "Want to {text}? Here is how",
            (
                "When you need it",
                "How to do it with us, step by step",
                "What to prepare",
                "Where to click or call",
            ),
        ),
    },
    "need_steps": {
        "ru": (
            "Как {text}: пошаговая инструкция",
            (
                "Что понадобится",
                "Шаги с картинками",
                "Частые вопросы",
            ),
        ),
        "en": (
            "How to {text}: step by step",
            (
                "What you need",
                "The steps, with pictures",
                "Frequent questions",
            ),
        ),
    },
    "need_state": {
        "ru": (
            "Как мы работаем {text}: что для этого сделано",
            (
                "Почему это важно клиенту",
                "Что мы сделали, чтобы так было",
                "Цифры: сроки, время ожидания",
            ),
        ),
        "en": (
            "How we keep it {text}: what we changed to get there",
            (
                "Why it matters to the customer",
                "What we changed to get there",
                "Figures: lead times, waiting times",
            ),
        ),
    },
    "need_why": {
        "ru": (
            "Почему у нас {text}: как устроена работа",
            (
                "С чем сталкиваются клиенты в других местах",
                "Как устроена наша работа",
                "Что это даёт клиенту",
            ),
        ),
        "en": (
            "Why it is {text} with us: how the work is organised",
            (
                "What customers meet elsewhere",
                "How our work is organised",
                "What it gives the customer",
            ),
        ),
    },
    "pain_fixed": {
        "ru": (
            "{text_q}: как мы решили эту проблему",
            (
                "Как было: проблема глазами клиента",
                "Что мы изменили и когда",
                "Как теперь: по шагам",
                "Как воспользоваться",
            ),
        ),
        "en": (
            "{text_q}: how we solved it",
            (
                "How it was: the problem as customers saw it",
                "What we changed, and when",
                "How it works now, step by step",
                "How to use it",
            ),
        ),
    },
    "pain_changing": {
        "ru": (
            "{text_q}: что мы меняем",
            (
                "Проблема глазами клиента — честно",
                "Что мы уже делаем и что запланировано",
                "Как быть до тех пор",
                "Как рассказать нам, что ещё мешает",
            ),
        ),
        "en": (
            "{text_q}: what we are changing",
            (
                "The problem as customers see it, honestly",
                "What we already do and what is planned",
                "What to do in the meantime",
                "How to tell us what else gets in the way",
            ),
        ),
    },
    "absent_fixed": {
        "ru": (
            "{x}: что мы изменили",
            (
                "Чего не хватало клиентам",
                "Что появилось и где это найти",
                "Как воспользоваться",
            ),
        ),
        "en": (
            "{x}: what we changed",
            (
                "What customers missed",
                "What is there now and where to find it",
                "How to use it",
            ),
        ),
    },
    "absent_changing": {
        "ru": (
            "{x}: что мы меняем",
            (
                "Чего не хватает клиентам — честно",
                "Что и когда появится",
                "Как получить это уже сейчас",
            ),
        ),
        "en": (
            "{x}: what we are changing",
            (
                "What customers miss, honestly",
                "What is coming, and when",
                "How to get it meanwhile",
            ),
        ),
    },
    "pain_avoid": {
        "ru": (
            "{text_q}: почему так бывает и как этого избежать",
            (
                "Почему так бывает",
                "Как понять заранее",
                "Что делать, если уже случилось",
                "Как этого избежать у нас",
            ),
        ),
        "en": (
            "{text_q}: why it happens and how to avoid it",
            (
                "Why it happens",
                "How to spot it in advance",
                "What to do when it has happened",
                "How we avoid it",
            ),
        ),
    },
    "weakness": {
        "ru": (
            "{text_q}: почему у нас иначе",
            (
                "С чем сталкиваются клиенты в других местах (без имён)",
                "Как это устроено у нас",
                "Доказательства: фото, цифры, отзывы",
            ),
        ),
        "en": (
            "{text_q}: why it is different with us",
            (
                "What customers meet elsewhere (no names)",
                "How we do it",
                "Proof: photos, figures, reviews",
            ),
        ),
    },
    "weakness_absent": {
        "ru": (
            "{x} у нас: как это устроено",
            (
                "Чего клиентам не хватает в других местах (без имён)",
                "Как это устроено у нас",
                "Как заказать",
            ),
        ),
        "en": (
            "{x}: what you get with us",
            (
                "What customers miss elsewhere (no names)",
                "How it works with us",
                "How to order",
            ),
        ),
    },
    "rival": {
        "ru": (
            "Мы и «{rival}»: чем отличаемся и кому что подойдёт",
            (
                "Кто мы и кто они: коротко и без нападок",
                "Сравнение: ассортимент, цены, сроки, сервис",
                "Кому лучше к ним, кому к нам",
            ),
        ),
        "en": (
            "Us or {rival}: an honest comparison",
            (
                "Who we are and who they are, briefly and fairly",
                "Comparison: range, prices, lead times, service",
                "Who is better served by them, and who by us",
            ),
        ),
    },
    "rival_service": {
        "ru": (
            "{s}: мы или «{rival}» — что выбрать",
            (
                "Что предлагают они и что мы",
                "Таблица: цена, сроки, качество",
                "Кому что подойдёт",
            ),
        ),
        "en": (
            "{s}: us or {rival}?",
            (
                "What they offer and what we offer",
                "A table: price, lead time, quality",
                "Which suits whom",
            ),
        ),
    },
    "occasion": {
        "ru": (
            "Готовимся {to} {text}: что мы приготовили",
            (
                "Дата и что она значит для клиентов",
                "Что мы предлагаем к этому дню",
                "До какого числа заказать или записаться",
            ),
        ),
        "en": (
            "Getting ready for {text}: what we have planned",
            (
                "The date and what it means for customers",
                "What we offer for the day",
                "The last day to order or book",
            ),
        ),
    },
    "occasion_quote": {
        "ru": (
            "{text_q}: готовимся заранее",
            (
                "Дата и что она значит для клиентов",
                "Что мы предлагаем к этому дню",
                "До какого числа заказать или записаться",
            ),
        ),
        "en": (
            "{text_q}: getting ready",
            (
                "The date and what it means for customers",
                "What we offer for the day",
                "The last day to order or book",
            ),
        ),
    },
}

# The angles an intent is written from, in the order they are planned (the first that fits the
# intent's modifier opens: a "цена" query starts with the price article, "рядом" with the guide).
INTENT_ANGLES = ("howto", "price", "faq", "checklist", "comparison", "mistakes", "when", "myths", "case")
# Kinds of business that sell a service done in a visit: their articles may say how long it takes.
SERVICE_PRESETS = frozenset(("auto-service", "clinic", "beauty", "fitness", "education"))
OPENING = {"price": "price", "local": "local", "reviews": "comparison"}
