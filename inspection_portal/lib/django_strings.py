"""Django's own messages that its Thai catalogue leaves in English (Django 5.2).

Never imported: listed here only so that `makemessages --no-obsolete` keeps their Thai
translations in locale/th/LC_MESSAGES/django.po, which takes precedence over Django's.
They show on the password change page (the confirmation's help text and errors, the
password validators' help texts and errors) and in the admin's messages after a save;
and the admin's own strings, those of the import and export pages (django-import-export has
no Thai catalogue) and of the history pages (django-simple-history has none either), grouped
below by the library whose msgids they copy exactly.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = [
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        8,
    ),
    # django-import-export 4.4.3 (no Thai catalogue): the import and export pages and their messages.
    gettext_noop("Import"),
    gettext_noop("Export"),
    gettext_noop("%s through import_export"),
    gettext_noop("new through import_export"),
    gettext_noop("update through import_export"),
    gettext_noop("delete through import_export"),
    gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}."),
    gettext_noop(
        "%(exc_name)s encountered while trying to read file. Ensure you have chosen the correct format for the file."
    ),
    gettext_noop("No valid data to import. Ensure your file has the correct headers or data for import."),
    gettext_noop("Export selected %(verbose_name_plural)s"),
    gettext_noop("export failed due to IllegalCharacterError"),
    gettext_noop("Resource"),
    gettext_noop("Format"),
    gettext_noop("File to import"),
    gettext_noop("Form is not validated, call `is_valid` first"),
    gettext_noop('Select at least 1 field for "%(resource_name)s" to export'),
    gettext_noop(
        "The following fields are declared in 'import_id_fields' but are not present in the resource fields: %s"
    ),
    gettext_noop("The following fields are declared in 'import_id_fields' but are not present in the file headers: %s"),
    gettext_noop("call to force_str() on instance failed: %s"),
    ngettext_lazy(
        "Export %(len)s selected item.",
        "Export %(len)s selected items.",
        1,
    ),
    gettext_noop("This exporter will export the following fields: "),
    gettext_noop("Select all"),
    gettext_noop("Submit"),
    gettext_noop(
        "Below is a preview of data to be imported. If you are satisfied with the results, click 'Confirm import'"
    ),
    gettext_noop("Confirm import"),
    gettext_noop("Errors"),
    gettext_noop("Line number"),
    gettext_noop("Some rows failed to validate"),
    gettext_noop("Please correct these errors in your data where possible, then reupload it using the form above."),
    gettext_noop("Row"),
    gettext_noop("Non field specific"),
    gettext_noop("Preview"),
    gettext_noop("New"),
    gettext_noop("Skipped"),
    gettext_noop("Update"),
    gettext_noop("This importer will import the following fields: "),
    gettext_noop("Value could not be parsed."),
    gettext_noop("use_natural_foreign_keys and key_is_id cannot both be True"),
    # django-simple-history (no Thai catalogue): the history pages of zones, provinces, periods and projects.
    gettext_noop("View history: %s"),
    gettext_noop('The %(name)s "%(obj)s" was changed successfully.'),
    gettext_noop("You may edit it again below"),
    gettext_noop("Revert %s"),
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("Deleted %(type_name)s"),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Press the 'Change History' button below to edit the history."),
    gettext_noop("Object"),
    gettext_noop("Comment"),
    gettext_noop("Changed by"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    ngettext_lazy(
        "entry",
        "entries",
        1,
    ),
    gettext_noop("Revert"),
    gettext_noop("Change History"),
    # django.contrib.admin: index, changelist, change form, history and delete pages.
    gettext_noop("Empty"),
    gettext_noop("Not empty"),
    gettext_noop("Added “%(object)s”."),
    gettext_noop("Changed “%(object)s” — %(changes)s"),
    gettext_noop("Deleted “%(object)s.”"),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    gettext_noop("Hold down “Control”, or “Command” on a Mac, to select more than one."),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    gettext_noop("We’re sorry, but the requested page could not be found."),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("You don’t have permission to view or edit anything."),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    ngettext_lazy(
        "Please correct the error below.",
        "Please correct the errors below.",
        1,
    ),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Skip to main content"),
    gettext_noop("Hide counts"),
    gettext_noop("Show counts"),
    gettext_noop("Clear all filters"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Yes, I’m sure"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Start typing to filter…"),
    gettext_noop("Filter navigation items"),
    gettext_noop("This object doesn’t have a change history. It probably wasn’t added via this admin site."),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Thanks for spending some quality time with the web site today."),
    gettext_noop(
        "Please enter your old password, for security’s sake, and then enter your new password twice so we "
        "can verify you typed it in correctly."
    ),
    gettext_noop("Select all objects on this page for an action"),
    # django.contrib.auth: the user change form in the admin.
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still "
        "be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("Reset password"),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("The groups this user belongs to. A user will get all permissions granted to each of their groups."),
    gettext_noop("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only."),
    gettext_noop("Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters."),
]
