"""What "save this course" keeps on her phone: the course's pages in the language she reads it
in, their images as the renditions the pages show (phone-sized), her /learn/ page, and what the
lessons link to from the apps above (untimed quizzes and practical tasks: OFFLINE_PAGE_EXTRAS).
The version changes whenever an editor publishes one of those pages or changes a quiz or task,
so that her phone fetches the course again when it sees a new version."""

import hashlib

from django.urls import reverse

from lms.core.hooks import offline_page_extras

from ..models import CoursePage, LessonPage, ModulePage

# The renditions the templates ask for (courses/blocks/image.html, courses/course_page.html).
LESSON_IMAGE = "width-720|format-webp"
COVER_IMAGE = "fill-720x300|format-webp"


def _images(page):
    if isinstance(page, CoursePage) and page.cover_image_id:
        yield page.cover_image.get_rendition(COVER_IMAGE).url
    if isinstance(page, LessonPage):
        for value in page.block_values("image"):
            if value.get("image"):
                yield value["image"].get_rendition(LESSON_IMAGE).url


def course_offline_manifest(request, course: CoursePage) -> dict:
    """{id, title, url, version, pages, images}: the addresses her phone fetches and keeps."""
    pages = [course] + list(
        course.get_descendants()
        .live()
        .filter(locale_id=course.locale_id)
        .type(ModulePage, LessonPage)
        .specific()
        .order_by("path")
    )
    urls, stamps, images = [], [], []
    for page in pages:
        urls.append(page.get_url(request))
        stamps.append(f"{page.pk}:{page.latest_revision_id}:{page.last_published_at}")
        for url, stamp in offline_page_extras(request, page):
            if url not in urls:
                urls.append(url)
            stamps.append(stamp)
        for url in _images(page):
            if url not in images:
                images.append(url)
    dashboard = reverse("learn:dashboard")
    version = hashlib.sha256("|".join(stamps + images).encode()).hexdigest()[:16]
    return {
        "id": course.pk,
        "title": course.title,
        "url": course.get_url(request),
        "version": version,
        "pages": [dashboard] + urls,
        "images": images,
    }
