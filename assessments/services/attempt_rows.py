"""How a quiz attempt's rows are written: her answers in one upsert statement, and the scored
attempt with them in one statement on PostgreSQL. Written out in SQL because the ORM's bulk
upsert and save cost a quiz submission more than their database work; the signals the ORM
would send are sent as it sends them."""

from django.db import connection
from django.db.models.signals import post_save
from django.utils import timezone

from ..models import AttemptAnswer, QuizAttempt


def store_answers(attempt, cleaned, questions, *, score: bool):
    """Her answers, one row per question (replacing what she saved before)."""
    sql, params = answers_upsert(attempt, cleaned, questions, score=score)
    if sql:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def answers_upsert(attempt, cleaned, questions, *, score: bool):
    """(SQL, params) writing her answers in one statement ("" when there are none): the
    upsert the per-question unique constraint allows, written out because the ORM's bulk
    upsert costs a quiz submission more than its database work."""
    rows = []
    for question in questions:
        if question.pk not in cleaned and not score:
            continue
        selected = cleaned.get(question.pk, [])
        is_correct = (set(selected) == question.correct) if score else None
        rows.append((question.pk, selected, is_correct))
    if not rows:
        return "", []
    as_json = AttemptAnswer._meta.get_field("selected").get_db_prep_save
    now = AttemptAnswer._meta.get_field("answered_at").get_db_prep_save(timezone.now(), connection)
    params = []
    for question_id, selected, is_correct in rows:
        params += [attempt.pk, question_id, as_json(selected, connection), is_correct, now]
    table = connection.ops.quote_name(AttemptAnswer._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    return (
        f"INSERT INTO {table} (attempt_id, question_id, selected, is_correct, answered_at) "
        f"VALUES {values} ON CONFLICT (attempt_id, question_id) DO UPDATE SET "
        "selected = excluded.selected, is_correct = excluded.is_correct, "
        "answered_at = excluded.answered_at",
        params,
    )


# What scoring writes on the attempt.
_SCORED_FIELDS = ("question_count", "correct_count", "score", "passed", "submitted_at", "timed_out")


def scored_write(attempt, answers_sql, answers_params):
    """Write the scored attempt and her answers: on PostgreSQL in one statement (the
    attempt's UPDATE in a WITH before the answers' upsert), elsewhere in two. Then the
    attempt's post_save, as attempt.save(update_fields=…) sends it (her pages and her
    engagement facts follow it): the same effect as the ORM's save, which costs a submission
    more than the statement's database work."""
    meta = QuizAttempt._meta
    quote = connection.ops.quote_name
    fields = [meta.get_field(name) for name in _SCORED_FIELDS]
    update = (
        f"UPDATE {quote(meta.db_table)} SET "
        + ", ".join(f"{quote(field.column)} = %s" for field in fields)
        + f" WHERE {quote(meta.pk.column)} = %s"
    )
    params = [
        field.get_db_prep_save(getattr(attempt, field.attname), connection) for field in fields
    ]
    params.append(attempt.pk)
    with connection.cursor() as cursor:
        if answers_sql and connection.vendor == "postgresql":
            cursor.execute(f"WITH closed AS ({update}) {answers_sql}", params + answers_params)
        else:
            cursor.execute(update, params)
            if answers_sql:
                cursor.execute(answers_sql, answers_params)
    post_save.send(
        sender=QuizAttempt,
        instance=attempt,
        created=False,
        update_fields=frozenset(_SCORED_FIELDS),
        raw=False,
        using=connection.alias,
    )
