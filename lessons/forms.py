import hashlib

from django import forms

from lessons.figures import MAX_PNG_BYTES, MAX_SVG_BYTES, FigureError, figure_check
from lessons.models import LessonFigure


class LessonCompletionForm(forms.Form):
    """Mark a lesson complete (completed=1) or not (completed=0)."""

    completed = forms.TypedChoiceField(
        choices=[("1", "complete"), ("0", "not complete")], coerce=lambda value: value == "1"
    )
    continue_to_next = forms.BooleanField(required=False)


class LessonFigureForm(forms.ModelForm):
    """Admin upload of one lesson figure: the bytes are checked before they are stored."""

    upload = forms.FileField(
        required=False,
        help_text="A PNG or SVG file; it replaces the stored figure of this name.",
    )

    class Meta:
        model = LessonFigure
        fields = ("name",)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        name = cleaned.get("name") or ""
        if upload is None:
            if self.instance.pk is None:
                raise forms.ValidationError("Choose a file to upload for a new figure.")
            data = bytes(self.instance.content)  # a rename: the stored bytes must fit it
        elif upload.size > max(MAX_PNG_BYTES, MAX_SVG_BYTES):
            raise forms.ValidationError("That file is too large for a figure.")
        else:
            data = upload.read()
        try:
            info = figure_check(name, data)
        except FigureError as exc:
            raise forms.ValidationError(str(exc)) from None
        self.instance.content = data
        self.instance.sha256 = hashlib.sha256(data).hexdigest()
        self.instance.content_type = info.content_type
        self.instance.width, self.instance.height = info.width, info.height
        return cleaned
