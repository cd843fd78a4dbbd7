"""StreamField blocks for lessons (and, through cms, for other pages). Kept light for phones:
images are served as small renditions, audio and video load only when asked for."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Description for screen readers"), required=False, max_length=200
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class AudioBlock(blocks.StructBlock):
    audio = DocumentChooserBlock(label=_("Audio file (mp3, m4a, ogg)"))
    title = blocks.CharBlock(label=_("Title"), required=False)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "courses/blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video link"))
    summary = blocks.TextBlock(
        label=_("What the video shows"),
        required=False,
        help_text=_("For learners who cannot play video on their connection."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "courses/blocks/document.html"


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ul", "ol"])

    class Meta:
        icon = "pick"
        label = _("Tip box")
        template = "courses/blocks/tip.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question to reflect on"))

    class Meta:
        icon = "help"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection.html"


class QuizBlock(blocks.StructBlock):
    # A string reference: assessments sits above courses and renders the card.
    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Quiz"))

    class Meta:
        icon = "form"
        label = _("Quiz")
        template = "assessments/blocks/quiz.html"


class PracticalTaskBlock(blocks.StructBlock):
    task = SnippetChooserBlock("assessments.PracticalTask", label=_("Practical task"))

    class Meta:
        icon = "clipboard-list"
        label = _("Practical task")
        template = "assessments/blocks/task.html"


RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "hr"]


class LessonStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="courses/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    document = DocumentBlock()
    tip = TipBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()
    practical_task = PracticalTaskBlock()
