from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm


class SignUpForm(UserCreationForm):
    """Sign-up. The e-mail address is not checked against existing accounts here: the answer
    must not reveal whether an address is registered (see accounts.services.signup_start)."""

    email = forms.EmailField(
        required=True,
        help_text="We send a link to this address to activate your account. "
        "It is used only for that and to reset your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        label="Token name",
        help_text="Where you will use it, e.g. “laptop” or “course repository”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
