"""Value types the front ends hold, re-exported here as part of the services' API.

The GUI and the CLI import only ``services`` (and ``core`` value types): a
front end that names a bundle plan, a written bundle or an evidence row gets
the type from here, never from ``store``, ``bundle``, ``crypto`` or ``reports``.
They are plain frozen data; nothing here opens a file or the store.
"""

from __future__ import annotations

from secity_desktop.bundle.documents import BundleKind
from secity_desktop.bundle.plan import Action, Plan, ReviewItem
from secity_desktop.bundle.write import WrittenBundle
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.reports.data import CertificateData
from secity_desktop.store.assessments import Assessment, Evidence, Response
from secity_desktop.store.geography import Municipality
from secity_desktop.store.review import Comment, Decision, ModelTown, Override

__all__ = [
    "Action",
    "Assessment",
    "BundleKind",
    "CertificateData",
    "Comment",
    "Decision",
    "Evidence",
    "ModelTown",
    "Municipality",
    "Override",
    "Plan",
    "Response",
    "ReviewItem",
    "TrustedKey",
    "WrittenBundle",
]
