from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.questions"
    label = "questions"
    verbose_name = "Hỏi đáp pháp luật lao động"

    def ready(self):
        from . import cache  # noqa: F401  (the sidebar block's cache follows saves and deletes)
