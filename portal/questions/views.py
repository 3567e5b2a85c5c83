from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView, TemplateView

from news.search import SearchQuery, parse_query, whole_words

from . import cache, defences
from .forms import QuestionForm
from .models import Question
from .notifications import notify_staff

RELATED_COUNT = 5


class TopicsMixin:
    """The section's sidebar lists the topics, from the cache (no query when warm)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=cache.topics(), **kwargs)


class PublishedQuestionsMixin(TopicsMixin):
    """Every public list starts from Question.objects.published(); ?q= searches it folded."""

    paginate_by = 10
    topic = None

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("q", "")
        self.search = parse_query(raw) if raw.strip() else SearchQuery()
        response = super().get(request, *args, **kwargs)
        response.status_code = self.search.status
        return response

    def get_queryset(self):
        questions = Question.objects.published().for_list()
        if self.topic is not None:
            questions = questions.filter(topic=self.topic)
        if self.search.messages and not self.search:
            return questions.none()
        if self.search:
            questions = questions.filter(whole_words(self.search.words))
        return questions.order_by("-published_at", "-id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            topic=self.topic,
            search=self.search,
            pagination_query=urlencode({"q": self.search.text}) if self.search.text else "",
            **kwargs,
        )


class QuestionListView(PublishedQuestionsMixin, ListView):
    template_name = "questions/question_list.html"


class TopicView(PublishedQuestionsMixin, ListView):
    template_name = "questions/topic_detail.html"

    def get(self, request, *args, **kwargs):
        # From the cached topic list: a topic page asks the database only for its questions.
        self.topic = next((t for t in cache.topics() if t.slug == kwargs["slug"]), None)
        if self.topic is None:
            raise Http404("Không có chủ đề này.")
        return super().get(request, *args, **kwargs)


class QuestionDetailView(TopicsMixin, DetailView):
    template_name = "questions/question_detail.html"
    context_object_name = "question"

    def get_queryset(self):
        return Question.objects.published().select_related("topic")

    def get_context_data(self, **kwargs):
        question = self.object
        related = (
            Question.objects.published()
            .for_list()
            .filter(topic_id=question.topic_id)
            .exclude(pk=question.pk)
            .order_by("-published_at", "-id")[:RELATED_COUNT]
        )
        return super().get_context_data(related=related, **kwargs)


@method_decorator(never_cache, name="dispatch")
class AskView(TopicsMixin, FormView):
    """The question form. Never cached (never_cache: private, no-cache, no-store): each visitor
    gets their own CSRF token and a fresh time stamp, whatever cache sits in front later."""

    template_name = "questions/ask.html"
    form_class = QuestionForm
    success_url = reverse_lazy("questions:thanks")

    def post(self, request, *args, **kwargs):
        if defences.is_spam(request):
            return redirect(self.success_url)  # dropped; the robot sees what a person would
        form = self.get_form()
        reason = defences.refusal(request)
        if reason:
            form.add_error(None, reason)
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        question = form.save(commit=False)
        question.status = Question.Status.PENDING
        question.ip_address = defences.client_address(self.request)
        with transaction.atomic():
            question.save()
            transaction.on_commit(lambda: notify_staff(question))
        return redirect(self.success_url)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**defences.form_context(), **kwargs)


class ThanksView(TopicsMixin, TemplateView):
    template_name = "questions/thanks.html"
