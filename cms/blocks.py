"""Blocks for general pages, built from the lesson blocks in courses.blocks (the layer below)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.blocks import RICH_TEXT_FEATURES, DocumentBlock, ImageBlock, TipBlock


class PageStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="courses/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    document = DocumentBlock()
    tip = TipBlock()
