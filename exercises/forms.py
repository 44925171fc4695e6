from django import forms
from django.conf import settings

from exercises.models import Submission
from exercises.services import SubmissionTooLarge, source_check_size


class _SourceField(forms.CharField):
    """Python source: never stripped (indentation and trailing newlines matter)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        # Browsers send a textarea's (and FormData's) line breaks as CRLF: store the code
        # with the same LF line endings as the API and the course files.
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")

    def validate(self, value):
        super().validate(value)
        try:
            source_check_size(value or "")
        except SubmissionTooLarge as exc:
            raise forms.ValidationError(str(exc), code="too_large") from None


class SubmissionForm(forms.Form):
    source_code = _SourceField(label="Your solution")
    mode = forms.ChoiceField(choices=Submission.Mode.choices, initial=Submission.Mode.SUBMIT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_code"].widget.attrs.update(
            {
                "data-code-editor": "",
                "data-max-bytes": settings.SUBMISSION_MAX_BYTES,
                "aria-describedby": "editor-help",
                "autocapitalize": "off",
                "autocomplete": "off",
            }
        )


class DraftForm(forms.Form):
    source_code = _SourceField(required=False)
