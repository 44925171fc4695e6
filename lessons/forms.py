from django import forms


class LessonCompletionForm(forms.Form):
    """Mark a lesson complete (completed=1) or not (completed=0)."""

    completed = forms.TypedChoiceField(
        choices=[("1", "complete"), ("0", "not complete")], coerce=lambda value: value == "1"
    )
    continue_to_next = forms.BooleanField(required=False)
