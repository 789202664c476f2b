"""Canvas QTI 1.2: a zip with imsmanifest.xml and, per set, the assessment XML and
assessment_meta.xml, laid out as Canvas exports them (and as text2qti writes them).

Canvas classic quizzes have no ordering type: an order question becomes a matching question
whose left side lists the items and whose right side is their position (1st, 2nd …), so
credit per position is kept.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal

from quizzes.export.base import (
    Exported,
    ExportError,
    Feedback,
    Notes,
    SetToExport,
    feedback,
    html_text,
    ordinal,
    plain_number,
    points_text,
    question_key,
    stable_token,
    tolerance_amount,
    xml_text,
)
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, Question, TrueFalse

EXTENSION = ".zip"
LABEL = "Canvas QTI"
CANVAS_TYPES = {
    "choice": "multiple_choice_question",
    "multi": "multiple_answers_question",
    "truefalse": "true_false_question",
    "numeric": "numerical_question",
    "text": "short_answer_question",
    "match": "matching_question",
    "order": "matching_question",
}
# A fixed date keeps the same sets giving a byte-identical package.
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)


_x = xml_text


def _attr(text: str) -> str:
    return xml_text(text).replace('"', "&quot;")


def _html(text: str) -> str:
    return f'<mattext texttype="text/html">{_x(html_text(text))}</mattext>'


def _plain(text: str) -> str:
    return f'<mattext texttype="text/plain">{_x(text)}</mattext>'


def _ident(*parts: str) -> str:
    return "g" + stable_token("classbrief", *parts, length=32)


def build(sets: Sequence[SetToExport]) -> Exported:
    notes = Notes()
    files: list[tuple[str, list[str]]] = []
    resources: list[str] = []
    written = 0
    for entry in sets:
        assessment_id = _ident("assessment", entry.qset.id)
        items = []
        total = Decimal(0)
        for question in entry.qset.questions:
            items.append(_item(entry, question, notes))
            total += question.points
            written += 1
        head, tail = _assessment(assessment_id, entry.qset.title)
        files.append((f"{assessment_id}/{assessment_id}.xml", [head, *items, tail]))
        files.append((f"{assessment_id}/assessment_meta.xml", [_meta(entry, assessment_id, total)]))
        resources.append(_resource(assessment_id))
    if not written:  # pragma: no cover - every type maps; kept for the interface's promise
        raise ExportError("none of the questions can be written as QTI")
    manifest_id = _ident("manifest", *(e.qset.id for e in sets))
    files.insert(0, ("imsmanifest.xml", [_manifest(manifest_id, resources)]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(zipfile.ZipInfo("non_cc_assessments/", _ZIP_DATE), b"")  # as Canvas has it
        for name, chunks in files:
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            # Fast compression: the XML is repetitive and shrinks well anyway. (Python 3.13
            # names the attribute compress_level; 3.11 and 3.12 have _compresslevel.)
            setattr(
                info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 1
            )
            # Streamed a question at a time: a large set never builds one giant string.
            with zf.open(info, "w") as stream:
                for chunk in chunks:
                    stream.write(chunk.encode("utf-8"))
    return Exported(buffer.getvalue(), written, notes.lines())


def _manifest(manifest_id: str, resources: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{manifest_id}" '
        'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" '
        'xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" '
        'xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        "  <metadata>\n    <schema>IMS Content</schema>\n"
        "    <schemaversion>1.1.3</schemaversion>\n  </metadata>\n"
        "  <organizations/>\n  <resources>\n" + "".join(resources) + "  </resources>\n"
        "</manifest>\n"
    )


def _resource(assessment_id: str) -> str:
    dependency = assessment_id + "-meta"
    return (
        f'    <resource identifier="{assessment_id}" type="imsqti_xmlv1p2">\n'
        f'      <file href="{assessment_id}/{assessment_id}.xml"/>\n'
        f'      <dependency identifierref="{dependency}"/>\n'
        "    </resource>\n"
        f'    <resource identifier="{dependency}" '
        'type="associatedcontent/imscc_xmlv1p1/learning-application-resource" '
        f'href="{assessment_id}/assessment_meta.xml">\n'
        f'      <file href="{assessment_id}/assessment_meta.xml"/>\n'
        "    </resource>\n"
    )


def _meta(entry: SetToExport, assessment_id: str, total: Decimal) -> str:
    description = html_text(entry.qset.description)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<quiz identifier="{assessment_id}" xmlns="http://canvas.instructure.com/xsd/cccv1p0" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"  <title>{_x(entry.qset.title)}</title>\n"
        f"  <description>{_x(description)}</description>\n"
        "  <shuffle_answers>true</shuffle_answers>\n"
        "  <scoring_policy>keep_highest</scoring_policy>\n"
        "  <quiz_type>assignment</quiz_type>\n"
        f"  <points_possible>{points_text(total)}</points_possible>\n"
        "  <show_correct_answers>true</show_correct_answers>\n"
        "  <allowed_attempts>1</allowed_attempts>\n"
        "  <one_question_at_a_time>false</one_question_at_a_time>\n"
        "  <cant_go_back>false</cant_go_back>\n"
        "  <available>false</available>\n"
        f'  <assignment identifier="{assessment_id}-assignment">\n'
        f"    <title>{_x(entry.qset.title)}</title>\n"
        f"    <quiz_identifierref>{assessment_id}</quiz_identifierref>\n"
        f"    <points_possible>{points_text(total)}</points_possible>\n"
        "    <grading_type>points</grading_type>\n"
        "    <submission_types>online_quiz</submission_types>\n"
        "    <workflow_state>unpublished</workflow_state>\n"
        "  </assignment>\n"
        "</quiz>\n"
    )


def _assessment(assessment_id: str, title: str) -> tuple[str, str]:
    """The assessment XML before and after its items."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f'  <assessment ident="{assessment_id}" title="{_attr(title)}">\n'
        "    <qtimetadata>\n      <qtimetadatafield>\n"
        "        <fieldlabel>cc_maxattempts</fieldlabel>\n"
        "        <fieldentry>1</fieldentry>\n      </qtimetadatafield>\n    </qtimetadata>\n"
        '    <section ident="root_section">\n'
    )
    return head, "    </section>\n  </assessment>\n</questestinterop>\n"


def _item(entry: SetToExport, q: Question, notes: Notes) -> str:
    key = question_key(entry.qset, q)
    item_id = _ident("item", key)
    choice_ids: list[str] = []
    presentation, processing = _body(q, item_id, choice_ids, notes)
    fb = feedback(entry, q)
    title = _attr(q.id)
    return (
        f'<item ident="{item_id}" title="{title}">\n'
        "<itemmetadata>\n<qtimetadata>\n"
        + _meta_field("question_type", CANVAS_TYPES[q.type])
        + _meta_field("points_possible", points_text(q.points))
        + _meta_field("original_answer_ids", ",".join(choice_ids))
        + _meta_field("assessment_question_identifierref", item_id + "_bank")
        + "</qtimetadata>\n</itemmetadata>\n"
        f"<presentation>\n<material>{_html(q.prompt)}</material>\n"
        f"{presentation}</presentation>\n"
        "<resprocessing>\n<outcomes>\n"
        '<decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/>\n'
        "</outcomes>\n"
        + (_general_feedback_condition() if fb.lines() else "")
        + processing
        + "</resprocessing>\n"
        + (_general_feedback(fb) if fb.lines() else "")
        + "</item>\n"
    )


def _meta_field(label: str, value: str) -> str:
    return (
        "<qtimetadatafield>\n"
        f"<fieldlabel>{label}</fieldlabel>\n"
        f"<fieldentry>{_x(value)}</fieldentry>\n"
        "</qtimetadatafield>\n"
    )


def _general_feedback_condition() -> str:
    return (
        '<respcondition continue="Yes">\n'
        "<conditionvar><other/></conditionvar>\n"
        '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/>\n'
        "</respcondition>\n"
    )


def _general_feedback(fb: Feedback) -> str:
    return (
        '<itemfeedback ident="general_fb">\n<flow_mat>\n'
        f'<material><mattext texttype="text/html">{_x(fb.html())}</mattext>'
        "</material>\n</flow_mat>\n</itemfeedback>\n"
    )


def _choices(labels: list[tuple[str, str]], cardinality: str) -> str:
    rows = "".join(
        f'<response_label ident="{ident}">\n<material>{_html(text)}</material>\n</response_label>\n'
        for ident, text in labels
    )
    return (
        f'<response_lid ident="response1" rcardinality="{cardinality}">\n'
        f"<render_choice>\n{rows}</render_choice>\n"
        "</response_lid>\n"
    )


def _set_score(condition: str, score: str = "100", action: str = "Set") -> str:
    return (
        f'<respcondition continue="{"No" if action == "Set" else "Yes"}">\n'
        f"<conditionvar>\n{condition}</conditionvar>\n"
        f'<setvar action="{action}" varname="SCORE">{score}</setvar>\n'
        "</respcondition>\n"
    )


def _eq(value: str, respident: str = "response1") -> str:
    return f'              <varequal respident="{respident}">{_x(value)}</varequal>\n'


def _body(q: Question, item_id: str, choice_ids: list[str], notes: Notes) -> tuple[str, str]:
    """(presentation, response processing) for one question."""
    if isinstance(q, Choice | Multi | TrueFalse):
        return _choice_body(q, item_id, choice_ids)
    if isinstance(q, Numeric):
        choice_ids.append(f"{item_id}_n")
        return _numeric_body(q)
    if isinstance(q, FreeText):
        choice_ids.extend(f"{item_id}_a{i}" for i in range(len(q.accept)))
        notes.add(
            "text-case",
            "{n} text question{s}: Canvas ignores case but, unlike the app, "
            "not punctuation or accents",
        )
        presentation = (
            '<response_str ident="response1" rcardinality="Single">\n'
            '<render_fib><response_label ident="answer1" rshuffle="No"/>'
            "</render_fib>\n</response_str>\n"
        )
        return presentation, _set_score("".join(_eq(a) for a in q.accept))
    if isinstance(q, Order):
        notes.add(
            "order",
            "{n} order question{s} exported as matching, each item to its "
            "position (1st, 2nd …): Canvas classic quizzes have no ordering type",
        )
        return _pairs_body(
            [(item, ordinal(i)) for i, item in enumerate(q.items, start=1)], item_id, choice_ids
        )
    if isinstance(q, Match):
        return _pairs_body([(p.left, p.right) for p in q.pairs], item_id, choice_ids)
    raise TypeError(f"unknown question type: {type(q).__name__}")


def _choice_body(
    q: Choice | Multi | TrueFalse, item_id: str, choice_ids: list[str]
) -> tuple[str, str]:
    """One choice (or True and False) is right; a multi question's right choices are all
    picked and its wrong ones not."""
    if isinstance(q, TrueFalse):
        texts, right = ["True", "False"], {"True" if q.answer else "False"}
    elif isinstance(q, Choice):
        texts, right = list(q.choices), {q.answer if isinstance(q.answer, str) else q.answer[0]}
    else:
        texts, right = list(q.choices), set(q.answers)
    labels = [(f"{item_id}_c{i}", text) for i, text in enumerate(texts)]
    choice_ids.extend(ident for ident, _ in labels)
    if isinstance(q, Multi):
        # Canvas grades partial credit on multiple answers itself (right picks earn a
        # share, wrong picks cost one); the package says which choices are right.
        inner = "".join(
            _eq(ident) if text in right else f"                <not>{_eq(ident).strip()}</not>\n"
            for ident, text in labels
        )
        condition = f"              <and>\n{inner}</and>\n"
        return _choices(labels, "Multiple"), _set_score(condition)
    ident = next(ident for ident, text in labels if text in right)
    return _choices(labels, "Single"), _set_score(_eq(ident))


def _numeric_body(q: Numeric) -> tuple[str, str]:
    """The answer itself, or any number within its tolerance."""
    slack = tolerance_amount(q)
    condition = (
        "<or>\n" + _eq(plain_number(q.answer)) + "              <and>\n"
        f'<vargte respident="response1">'
        f"{plain_number(q.answer - slack)}</vargte>\n"
        f'<varlte respident="response1">'
        f"{plain_number(q.answer + slack)}</varlte>\n"
        "</and>\n</or>\n"
    )
    presentation = (
        '<response_str ident="response1" rcardinality="Single">\n'
        '<render_fib fibtype="Decimal">'
        '<response_label ident="answer1"/></render_fib>\n'
        "</response_str>\n"
    )
    return presentation, _set_score(condition)


def _pairs_body(
    pairs: list[tuple[str, str]], item_id: str, choice_ids: list[str]
) -> tuple[str, str]:
    """Each left side picks its right side from all of them, for an equal share of the
    points."""
    rights = [(f"{item_id}_r{i}", right) for i, (_, right) in enumerate(pairs)]
    options = "".join(
        f'<response_label ident="{ident}"><material>{_plain(text)}</material></response_label>\n'
        for ident, text in rights
    )
    presentation = processing = ""
    share = plain_number((Decimal(100) / len(pairs)).quantize(Decimal("0.01")))
    for i, (left, _) in enumerate(pairs):
        left_id = f"{item_id}_l{i}"
        choice_ids.append(left_id)
        presentation += (
            f'<response_lid ident="response_{left_id}">\n'
            f"<material>{_plain(left)}</material>\n"
            f"<render_choice>\n{options}"
            "</render_choice>\n</response_lid>\n"
        )
        processing += _set_score(_eq(rights[i][0], f"response_{left_id}"), share, "Add")
    return presentation, processing
