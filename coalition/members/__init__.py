"""Coalition members: people, partner organizations, recruitment, imports (and sectors).

Importing any part maps every model of the package: people and organizations refer to each
other (affiliations, owners), organizations to sectors, imports to people.
"""

from coalition.members import sectors as _sectors  # noqa: F401
from coalition.members.imports import models as _imports  # noqa: F401
from coalition.members.organizations import models as _organizations  # noqa: F401
from coalition.members.people import models as _people  # noqa: F401
