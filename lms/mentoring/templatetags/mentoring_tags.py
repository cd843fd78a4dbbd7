from django import template

from ..selectors import my_mentor

register = template.Library()


@register.inclusion_tag("mentoring/_my_mentor.html", takes_context=True)
def my_mentor_card(context):
    """Her mentor (and the phone number if the mentor shares it) and the next follow-up."""
    user = context["request"].user
    return {"my_mentor": my_mentor(user) if user.is_authenticated else None}
