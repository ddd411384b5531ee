"""The members area's blueprint: people's pages are its own routes (people/views.py), and
organizations, recruitment and imports nest in it (`members.organizations.detail`,
`members.recruitment.pipeline`, `members.imports.upload`)."""

from coalition.members.imports.views import bp as imports_bp
from coalition.members.labels import AFFILIATION_LABELS, STATUS_LABELS
from coalition.members.languages import language_name, language_names
from coalition.members.organizations.views import bp as organizations_bp
from coalition.members.people.views import bp
from coalition.members.recruitment.views import bp as recruitment_bp
from coalition.web.language_switcher import interface_language_name

bp.register_blueprint(organizations_bp)
bp.register_blueprint(recruitment_bp)
bp.register_blueprint(imports_bp)
bp.add_app_template_filter(language_name, "language_name")
bp.add_app_template_filter(language_names, "language_names")
bp.add_app_template_filter(interface_language_name, "interface_language")


@bp.app_context_processor
def member_labels():
    """Stage and role names, and language names, for every template."""
    return {
        "STATUS_LABELS": STATUS_LABELS,
        "AFFILIATION_LABELS": AFFILIATION_LABELS,
        "language_name": language_name,
    }
