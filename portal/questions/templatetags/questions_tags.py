from django import template

from portal.fragments import render_for

from .. import cache

register = template.Library()


@register.simple_tag
def recent_answers():
    """{% recent_answers %}: the 5 latest published answers, from the cache (0 queries warm);
    rendered once per process for the same answers (portal.fragments)."""
    answers = cache.recent_answers()
    template = "questions/includes/sidebar_recent.html"
    return render_for(template, (answers,), lambda: {"answers": answers})


@register.simple_tag(takes_context=True)
def pending_questions(context):
    """How many questions wait for an answer, or None for someone who may not answer."""
    from ..models import Question
    from ..workflow import may_answer

    if not may_answer(context["request"].user):
        return None
    return Question.objects.pending().count()
