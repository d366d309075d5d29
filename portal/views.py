from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the styled error page without touching the database, which may be the cause."""
    template = loader.get_template(template_name)
    context = {"LANGUAGE_CODE": translation.get_language() or "de"}
    return HttpResponseServerError(template.render(context))
