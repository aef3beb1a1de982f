#pragma once

#include "base/phrase.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Pop3Connector {

// What the troubleshooter found (docs/troubleshooting.md): findings grouped by stage, each a
// pass, a warning or a failure with its evidence and the fix in plain words. Plain data, so that
// the service can send it over the control channel and a client print it the same way as
// pop3connectord --diagnose does.

enum class Verdict { Pass, Warning, Fail };

// One check's answer. `id` is stable ("mailbox.login", "spool.free-space") for monitoring
// systems; title, evidence and fix are sentences as data, so that a reader sees them in their own
// language whatever the language of the service that judged (a server's reply or a path is an
// argument, or the whole evidence as a literal).
struct Finding
{
    QString id;
    Verdict verdict = Verdict::Pass;
    Phrase title;
    Phrase evidence;
    Phrase fix; // empty for a pass

    friend bool operator==(const Finding &, const Finding &) = default;
};

// A stage of the report: the service, one mailbox, the spool, delivery, the configuration.
struct DiagnosisSection
{
    enum class Stage { Service, Mailbox, Spool, Delivery, Configuration };
    Stage stage = Stage::Service;
    QString name; // the mailbox's, for Stage::Mailbox
    QList<Finding> findings;
    QStringList transcript; // the conversation, passwords masked; "C: ", "S: ", "* " lines

    // The worst verdict of its findings; Pass when it has none.
    Verdict worst() const;
};

struct DiagnosisReport
{
    QDateTime started;
    QDateTime finished;
    QString configuration; // the file's path
    bool inService = false; // run by the service, not by pop3connectord --diagnose
    QList<DiagnosisSection> sections;

    // The worst verdict of all findings: the report's, and its exit status.
    Verdict worst() const;
    // The section of a stage (and mailbox), appended when it is not there yet.
    DiagnosisSection &section(DiagnosisSection::Stage stage, const QString &name = {});
    // The first finding with `id` (in the mailbox's section when one is named), or null.
    const Finding *finding(const QString &id, const QString &mailbox = {}) const;
};

// The exit status of `pop3connectorctl diagnose` and `pop3connectord --diagnose`: 0 all pass,
// 1 a warning, 2 a failure.
int exitCodeFor(Verdict verdict);

QString verdictKey(Verdict verdict); // "pass", "warning", "fail" on the wire
QString stageKey(DiagnosisSection::Stage stage); // "service", "mailbox", ...

// The report on the wire (docs/control-protocol.md, method diagnose), and back. A finding's
// title, evidence and fix go in English, as older clients read them, and as phrases beside
// (titlePhrase, evidencePhrase, fixPhrase) when they are more than plain text.
QCborMap toCbor(const DiagnosisReport &report);
DiagnosisReport diagnosisFromCbor(const QCborMap &map);

// The report for a terminal: each stage under a heading, each finding on a line with its
// verdict, the evidence and the fix indented below; with `transcripts`, the conversation of
// each stage that did not pass.
class DiagnosisText
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::DiagnosisText)

public:
    // In the language of the translators installed now.
    static QString format(const DiagnosisReport &report, bool transcripts);
    static QString stageTitle(const DiagnosisSection &section);
    static QString verdictLabel(Verdict verdict);
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::Finding)
Q_DECLARE_METATYPE(Pop3Connector::DiagnosisReport)
