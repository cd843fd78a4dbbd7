"""The demo's quizzes, rubrics and practical tasks (cms/demo/data/assessments.yaml), in
Chinese with their English translations.

Why they are written as models and not through services: they are content, which editors
make in Wagtail's snippet forms (no service stands between a form and the model), and the
seed makes them as those forms would. Two things a form would not get right by itself are
done here on purpose: the ids of quiz choices and rubric levels are fixed (the same in every
database the demo is loaded into), and the English translation keeps the Chinese ids,
because answers and grades are stored by id and must mean the same in both languages.

Each is found again by its Chinese title; one that exists is left as editors made it."""

import uuid
from dataclasses import dataclass

from assessments.models import PracticalTask, Question, Quiz, Rubric, RubricCriterion
from cms.demo.load import load


@dataclass
class Assessments:
    """The Chinese quizzes, rubrics and tasks, by their demo slug."""

    quizzes: dict
    rubrics: dict
    tasks: dict


def seed_assessments(zh, en) -> Assessments:
    data = load("assessments")
    rubrics = {slug: seed_rubric(slug, rubric, zh, en) for slug, rubric in data["rubrics"].items()}
    return Assessments(
        quizzes={slug: seed_quiz(slug, quiz, zh, en) for slug, quiz in data["quizzes"].items()},
        rubrics=rubrics,
        tasks={
            slug: seed_task(task, rubrics[task["rubric"]], zh, en)
            for slug, task in data["tasks"].items()
        },
    )


def demo_block_id(*parts):
    """A StreamField block id that is the same in every database the demo is loaded into."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "companion-demo:" + ":".join(map(str, parts))))


def seed_quiz(slug, data, zh, en):
    quiz = Quiz.objects.filter(locale=zh, title=data["title"]["zh"]).first()
    if quiz is None:
        quiz = Quiz.objects.create(
            locale=zh, title=data["title"]["zh"], intro=data["intro"]["zh"], **data["rules"]
        )
        for order, question in enumerate(data["questions"]):
            Question.objects.create(
                quiz=quiz,
                locale=zh,
                sort_order=order,
                kind=question["kind"],
                text=question["text"]["zh"],
                statement_is_true=question.get("statement_is_true", True),
                explanation=question["explanation"]["zh"],
                choices=[
                    {
                        "type": "choice",
                        "id": demo_block_id(slug, order, number),
                        "value": {"text": choice["text"]["zh"], "is_correct": choice["correct"]},
                    }
                    for number, choice in enumerate(question.get("choices", []))
                ],
            )
    if quiz.get_translation_or_none(en) is None:
        translation = quiz.copy_for_translation(en)
        translation.title = data["title"]["en"]
        translation.intro = data["intro"]["en"]
        sources = {q.translation_key: q for q in quiz.questions.all()}
        texts = {q["text"]["zh"]: q for q in data["questions"]}
        for question in translation.questions.all():
            source = sources[question.translation_key]
            text = texts.get(source.text)
            if text is None:
                continue  # an editor changed it: leave her Chinese text to translate
            english = {c["text"]["zh"]: c["text"]["en"] for c in text.get("choices", [])}
            question.text = text["text"]["en"]
            question.explanation = text["explanation"]["en"]
            # The same block ids as the Chinese choices: answers are checked by id.
            question.choices = [
                {
                    "type": choice.block_type,
                    "id": choice.id,
                    "value": {
                        "text": english.get(choice.value["text"], choice.value["text"]),
                        "is_correct": choice.value["is_correct"],
                    },
                }
                for choice in source.choices
            ]
        translation.save()
    return quiz


def seed_rubric(slug, data, zh, en):
    rubric = Rubric.objects.filter(locale=zh, title=data["title"]["zh"]).first()
    if rubric is None:
        rubric = Rubric.objects.create(
            locale=zh, title=data["title"]["zh"], pass_points=data["pass_points"]
        )
        for order, criterion in enumerate(data["criteria"]):
            RubricCriterion.objects.create(
                rubric=rubric,
                locale=zh,
                sort_order=order,
                title=criterion["title"]["zh"],
                description=criterion["description"]["zh"],
                levels=[
                    {
                        "type": "level",
                        "id": demo_block_id(slug, order, number),
                        "value": {
                            "label": level["label"]["zh"],
                            "description": level["description"]["zh"],
                            "points": level["points"],
                        },
                    }
                    for number, level in enumerate(criterion["levels"])
                ],
            )
    if rubric.get_translation_or_none(en) is None:
        translation = rubric.copy_for_translation(en)
        translation.title = data["title"]["en"]
        sources = {c.translation_key: c for c in rubric.criteria.all()}
        texts = {c["title"]["zh"]: c for c in data["criteria"]}
        for criterion in translation.criteria.all():
            source = sources[criterion.translation_key]
            text = texts.get(source.title)
            if text is None:
                continue
            criterion.title = text["title"]["en"]
            criterion.description = text["description"]["en"]
            # The same level ids as the Chinese ones: grades are stored by level id.
            criterion.levels = [
                {
                    "type": level.block_type,
                    "id": level.id,
                    "value": {
                        "label": wanted["label"]["en"],
                        "description": wanted["description"]["en"],
                        "points": level.value["points"],
                    },
                }
                for level, wanted in zip(source.levels, text["levels"], strict=False)
            ]
        translation.save()
    return rubric


def seed_task(data, rubric, zh, en):
    task = PracticalTask.objects.filter(locale=zh, title=data["title"]["zh"]).first()
    if task is None:
        task = PracticalTask.objects.create(
            locale=zh,
            title=data["title"]["zh"],
            instructions=data["instructions"]["zh"],
            text_prompt=data["text_prompt"]["zh"],
            text_required=data["text_required"],
            min_photos=data["min_photos"],
            max_photos=data["max_photos"],
            rubric=rubric,
        )
    if task.get_translation_or_none(en) is None:
        translation = task.copy_for_translation(en)
        translation.title = data["title"]["en"]
        translation.instructions = data["instructions"]["en"]
        translation.text_prompt = data["text_prompt"]["en"]
        translation.rubric = rubric.get_translation_or_none(en) or rubric
        translation.save()
    return task
