#include "diagnosis/diagnosis.h"

#include <QCborArray>

#include <algorithm>

namespace Pop3Connector {

namespace {

using Stage = DiagnosisSection::Stage;

constexpr Stage kStages[] = {
    Stage::Service, Stage::Mailbox, Stage::Spool, Stage::Delivery, Stage::Configuration};

Verdict worse(Verdict a, Verdict b)
{
    return int(a) >= int(b) ? a : b;
}

Verdict verdictFromKey(const QString &key)
{
    if (key == u"fail")
        return Verdict::Fail;
    return key == u"warning" ? Verdict::Warning : Verdict::Pass;
}

Stage stageFromKey(const QString &key)
{
    for (Stage s : kStages) {
        if (stageKey(s) == key)
            return s;
    }
    return Stage::Service;
}

QString value(const QCborMap &map, const char *key)
{
    return map.value(QLatin1String(key)).toString();
}

// A finding's sentence: its English `key` always, and `keyPhrase` beside it when it is a phrase.
void insertSentence(QCborMap &map, const QString &key, const Phrase &sentence)
{
    map.insert(key, sentence.english());
    if (!sentence.isLiteral())
        map.insert(key + QStringLiteral("Phrase"), sentence.toCbor());
}

// The phrase when one came, else the English text (an older service's) as a literal.
Phrase sentence(const QCborMap &map, const QString &key)
{
    const QCborValue phrase = map.value(key + QStringLiteral("Phrase"));
    if (phrase.isMap())
        return Phrase::fromCbor(phrase);
    return Phrase(map.value(key).toString());
}

} // namespace

Verdict DiagnosisSection::worst() const
{
    Verdict v = Verdict::Pass;
    for (const Finding &f : findings)
        v = worse(v, f.verdict);
    return v;
}

Verdict DiagnosisReport::worst() const
{
    Verdict v = Verdict::Pass;
    for (const DiagnosisSection &s : sections)
        v = worse(v, s.worst());
    return v;
}

DiagnosisSection &DiagnosisReport::section(Stage stage, const QString &name)
{
    for (DiagnosisSection &s : sections) {
        if (s.stage == stage && s.name == name)
            return s;
    }
    // Stages keep the report's order whatever order the checks finish in.
    auto at = std::find_if(sections.begin(), sections.end(),
        [stage](const DiagnosisSection &s) { return int(s.stage) > int(stage); });
    DiagnosisSection s;
    s.stage = stage;
    s.name = name;
    return *sections.insert(at, s);
}

const Finding *DiagnosisReport::finding(const QString &id, const QString &mailbox) const
{
    for (const DiagnosisSection &s : sections) {
        if (!mailbox.isEmpty() && s.name != mailbox)
            continue;
        for (const Finding &f : s.findings) {
            if (f.id == id)
                return &f;
        }
    }
    return nullptr;
}

int exitCodeFor(Verdict verdict)
{
    return int(verdict);
}

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

QString stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Service:
        return QStringLiteral("service");
    case Stage::Mailbox:
        return QStringLiteral("mailbox");
    case Stage::Spool:
        return QStringLiteral("spool");
    case Stage::Delivery:
        return QStringLiteral("delivery");
    case Stage::Configuration:
        return QStringLiteral("configuration");
    }
    return {};
}

QCborMap toCbor(const DiagnosisReport &report)
{
    QCborArray sections;
    for (const DiagnosisSection &s : report.sections) {
        QCborArray findings;
        for (const Finding &f : s.findings) {
            QCborMap m;
            m.insert(QStringLiteral("id"), f.id);
            m.insert(QStringLiteral("verdict"), verdictKey(f.verdict));
            insertSentence(m, QStringLiteral("title"), f.title);
            insertSentence(m, QStringLiteral("evidence"), f.evidence);
            if (!f.fix.isEmpty())
                insertSentence(m, QStringLiteral("fix"), f.fix);
            findings.append(m);
        }
        QCborMap m;
        m.insert(QStringLiteral("stage"), stageKey(s.stage));
        if (!s.name.isEmpty())
            m.insert(QStringLiteral("name"), s.name);
        m.insert(QStringLiteral("verdict"), verdictKey(s.worst()));
        m.insert(QStringLiteral("findings"), findings);
        if (!s.transcript.isEmpty())
            m.insert(QStringLiteral("transcript"), QCborArray::fromStringList(s.transcript));
        sections.append(m);
    }
    QCborMap r;
    r.insert(QStringLiteral("started"), QCborValue(report.started));
    r.insert(QStringLiteral("finished"), QCborValue(report.finished));
    r.insert(QStringLiteral("configuration"), report.configuration);
    r.insert(QStringLiteral("inService"), report.inService);
    r.insert(QStringLiteral("verdict"), verdictKey(report.worst()));
    r.insert(QStringLiteral("sections"), sections);
    return r;
}

DiagnosisReport diagnosisFromCbor(const QCborMap &map)
{
    DiagnosisReport r;
    r.started = map.value(QStringLiteral("started")).toDateTime();
    r.finished = map.value(QStringLiteral("finished")).toDateTime();
    r.configuration = value(map, "configuration");
    r.inService = map.value(QStringLiteral("inService")).toBool();
    for (const QCborValue &sv : map.value(QStringLiteral("sections")).toArray()) {
        const QCborMap sm = sv.toMap();
        DiagnosisSection s;
        s.stage = stageFromKey(value(sm, "stage"));
        s.name = value(sm, "name");
        for (const QCborValue &fv : sm.value(QStringLiteral("findings")).toArray()) {
            const QCborMap fm = fv.toMap();
            s.findings.append({value(fm, "id"), verdictFromKey(value(fm, "verdict")),
                sentence(fm, QStringLiteral("title")), sentence(fm, QStringLiteral("evidence")),
                sentence(fm, QStringLiteral("fix"))});
        }
        for (const QCborValue &line : sm.value(QStringLiteral("transcript")).toArray())
            s.transcript.append(line.toString());
        r.sections.append(s);
    }
    return r;
}

QString DiagnosisText::verdictLabel(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return tr("PASS");
    case Verdict::Warning:
        return tr("WARN");
    case Verdict::Fail:
        return tr("FAIL");
    }
    return {};
}

QString DiagnosisText::stageTitle(const DiagnosisSection &section)
{
    switch (section.stage) {
    case Stage::Service:
        return tr("Service");
    case Stage::Mailbox:
        return tr("Mailbox %1").arg(section.name);
    case Stage::Spool:
        return tr("Spool");
    case Stage::Delivery:
        return tr("Delivery");
    case Stage::Configuration:
        return tr("Configuration");
    }
    return {};
}

QString DiagnosisText::format(const DiagnosisReport &report, bool transcripts)
{
    QString out;
    const auto indented = [&out](const QString &label, const QString &text) {
        if (text.isEmpty())
            return;
        const QStringList lines = text.split(u'\n');
        out += QStringLiteral("         %1 %2\n").arg(label, lines.first());
        for (const QString &l : lines.mid(1))
            out += QStringLiteral("           %1\n").arg(l);
    };
    for (const DiagnosisSection &s : report.sections) {
        out += QStringLiteral("%1: %2\n").arg(stageTitle(s), verdictLabel(s.worst()));
        for (const Finding &f : s.findings) {
            out += QStringLiteral("  [%1] %2 (%3)\n")
                       .arg(verdictLabel(f.verdict), f.title.translated(), f.id);
            indented(QStringLiteral("-"), f.evidence.translated());
            if (f.verdict != Verdict::Pass)
                indented(tr("Fix:"), f.fix.translated());
        }
        if (transcripts && !s.transcript.isEmpty() && s.worst() != Verdict::Pass) {
            out += QStringLiteral("  ") + tr("Transcript:") + u'\n';
            for (const QString &l : s.transcript)
                out += QStringLiteral("    %1\n").arg(l);
        }
    }
    int counts[3] = {};
    for (const DiagnosisSection &s : report.sections) {
        for (const Finding &f : s.findings)
            ++counts[int(f.verdict)];
    }
    out += tr("Result: %1 (%2 passed, %3 warning(s), %4 failed)")
               .arg(verdictLabel(report.worst()))
               .arg(counts[0])
               .arg(counts[1])
               .arg(counts[2])
        + u'\n';
    return out;
}

} // namespace Pop3Connector
