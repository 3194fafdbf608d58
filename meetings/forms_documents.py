"""The form of the meeting's documents: how their pages are numbered."""

from django import forms

from meetings.models import FollowUpMeeting


class PageNumbersForm(forms.ModelForm):
    class Meta:
        model = FollowUpMeeting
        fields = ["page_numbers"]
        widgets = {"page_numbers": forms.RadioSelect(attrs={"class": "form-check-input"})}
