#include "events/event.h"
#include "events/eventlog.h"
#include "spool/spoolbrowser.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Pop3Connector;

class TestEventCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyEventIsDocumented();
    void documentIsGeneratedFromTheData();
    void catalogueIsTheData();
    void everyEventIsRaisedOrReserved();
    void everyEventTextIsTranslated();
    void spoolActionsReportWhatTheyDid();
    void catalogHasCauseAndFix();
    void levelFiltering();
    void jsonRoundTrip();
};

void TestEventCatalog::everyEventIsDocumented()
{
    QFile doc(QStringLiteral(P3C_SOURCE_DIR "/docs/events.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(doc.readAll());
    QSet<int> documented;
    static const QRegularExpression heading(
        QStringLiteral("^### (\\d+) "), QRegularExpression::MultilineOption);
    for (auto it = heading.globalMatch(md); it.hasNext();)
        documented.insert(it.next().captured(1).toInt());
    QSet<int> known;
    for (EventId id : allEventIds())
        known.insert(int(id));
    QCOMPARE(documented - known, QSet<int>());
    QCOMPARE(known - documented, QSet<int>());
}

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The events of core/events/events.json, the catalogue's one source.
QJsonArray dataEvents()
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(readAll(QStringLiteral(P3C_SOURCE_DIR "/core/events/events.json")));
    return doc.object().value(QStringLiteral("events")).toArray();
}

} // namespace

void TestEventCatalog::documentIsGeneratedFromTheData()
{
    // The committed docs/events.md is the one the build makes from events.json.
    const QByteArray generated = readAll(QStringLiteral(P3C_EVENTS_DOC));
    QVERIFY(!generated.isEmpty());
    QVERIFY2(readAll(QStringLiteral(P3C_SOURCE_DIR "/docs/events.md")) == generated,
        "docs/events.md differs from core/events/events.json; run cmake --build build --target "
        "events-doc");
}

void TestEventCatalog::catalogueIsTheData()
{
    // The enum and the table the code reads say what the data file says, id by id.
    const QJsonArray events = dataEvents();
    QCOMPARE(events.size(), allEventIds().size());
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const EventDescription d = describe(EventId(e.value(QStringLiteral("id")).toInt()));
        QCOMPARE(int(d.id), e.value(QStringLiteral("id")).toInt());
        QCOMPARE(d.title, e.value(QStringLiteral("title")).toString());
        QCOMPARE(d.cause, e.value(QStringLiteral("cause")).toString());
        QCOMPARE(d.fix, e.value(QStringLiteral("fix")).toString());
    }
    QCOMPARE(int(EventId::MessageRequeued), 1060);
}

void TestEventCatalog::everyEventIsRaisedOrReserved()
{
    // An event in the documentation that nothing raises would send an administrator looking for
    // something that never comes: each is raised somewhere outside the catalogue's own room, or
    // its data says "reserved" and why.
    QSet<QString> raised;
    static const QRegularExpression use(QStringLiteral("EventId::(\\w+)"));
    for (const char *root : {"core", "ui", "app"}) {
        QDirIterator it(QStringLiteral(P3C_SOURCE_DIR "/") + QLatin1StringView(root),
            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral("/core/events/")))
                continue;
            const QString text = QString::fromUtf8(readAll(path));
            for (auto m = use.globalMatch(text); m.hasNext();)
                raised.insert(m.next().captured(1));
        }
    }
    for (const QJsonValue &v : dataEvents()) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(QStringLiteral("name")).toString();
        if (e.contains(QStringLiteral("reserved"))) {
            QVERIFY2(!raised.contains(name),
                qPrintable(name + QStringLiteral(" is raised now; drop its \"reserved\"")));
            QVERIFY(!e.value(QStringLiteral("reserved")).toString().trimmed().isEmpty());
        } else {
            QVERIFY2(raised.contains(name),
                qPrintable(name
                    + QStringLiteral(" is raised nowhere; raise it, or mark it "
                                     "\"reserved\" with the reason")));
        }
    }
}

void TestEventCatalog::everyEventTextIsTranslated()
{
    // lupdate reads the catalogue the build makes from events.json (update-translations.sh), so
    // the Japanese catalogue holds each title, cause and fix under the context describe() uses.
    QFile ts(QStringLiteral(P3C_SOURCE_DIR "/translations/pop3connector_ja.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QSet<QString> translated;
    QString context;
    QString source;
    for (QXmlStreamReader xml(&ts); !xml.atEnd();) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation" && context == u"Pop3Connector::Events") {
            const bool finished = xml.attributes().value(QStringLiteral("type")).isEmpty();
            if (!xml.readElementText().isEmpty() && finished)
                translated.insert(source);
        }
    }
    for (EventId id : allEventIds()) {
        const EventDescription d = describe(id); // English: no translator is installed
        for (const QString &text : {d.title, d.cause, d.fix})
            QVERIFY2(translated.contains(text), qPrintable(QString::number(int(id)) + u' ' + text));
    }
}

void TestEventCatalog::spoolActionsReportWhatTheyDid()
{
    QTemporaryDir dir;
    const Spool spool(dir.path());
    QVERIFY(spool.prepare());
    const QStringList names = {QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m3")};
    for (const QString &name : names) {
        QFile f(spool.messagePath(SpoolFolder::Failed, name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("From: a@isp.example\r\nSubject: s\r\n\r\nbody\r\n");
        MessageMetadata meta;
        meta.mailbox = QStringLiteral("office");
        QVERIFY(replaceMetadata(spool, SpoolFolder::Failed, name, meta));
    }
    SpoolBrowser browser(spool);
    QList<Event> events;
    browser.reportTo([&events](const Event &e) { events.append(e); },
        QStringLiteral("user alice in the manager"));

    QCOMPARE(browser.requeue(SpoolFolder::Failed, QStringLiteral("m1")), QString());
    QCOMPARE(browser.exportMessage(
                 SpoolFolder::Failed, QStringLiteral("m2"), dir.filePath(QStringLiteral("m2.eml"))),
        QString());
    QCOMPARE(browser.wrapForUndeliverable(SpoolFolder::Failed, QStringLiteral("m2"),
                 QStringLiteral("postmaster@office.example")),
        QString());
    QCOMPARE(browser.remove(SpoolFolder::Failed, QStringLiteral("m3")), QString());
    // What fails records nothing: the caller reports the error instead.
    QVERIFY(!browser.requeue(SpoolFolder::Incoming, QStringLiteral("m1")).isEmpty());

    const QList<EventId> ids = {EventId::MessageRequeued, EventId::MessageExported,
        EventId::MessageWrapped, EventId::MessageDeleted};
    const QStringList messages = {
        QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("m2"), QStringLiteral("m3")};
    QCOMPARE(events.size(), ids.size());
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].id, ids[i]);
        QCOMPARE(events[i].message, messages[i]);
        QCOMPARE(events[i].mailbox, QStringLiteral("office"));
        QVERIFY2(events[i].text.contains(messages[i]), qPrintable(events[i].text));
        QVERIFY2(events[i].text.endsWith(QStringLiteral("Requested by user alice in the manager.")),
            qPrintable(events[i].text));
    }
    QVERIFY(events[0].text.contains(QStringLiteral("Incoming Mail")));
    QVERIFY(events[1].text.contains(dir.filePath(QStringLiteral("m2.eml"))));
    QVERIFY(events[2].text.contains(QStringLiteral("postmaster@office.example")));
}

void TestEventCatalog::catalogHasCauseAndFix()
{
    QSet<int> seen;
    for (EventId id : allEventIds()) {
        const EventDescription d = describe(id);
        QVERIFY(!seen.contains(int(id)));
        seen.insert(int(id));
        QVERIFY(!d.title.isEmpty());
        QVERIFY(d.cause.size() > 20);
        QVERIFY(!d.fix.isEmpty());
        // Errors are always kept unless logging is off.
        if (d.severity == Severity::Error)
            QCOMPARE(d.level, LogLevel::Minimum);
    }
    // Ids SBS 2003 administrators know keep their number.
    QCOMPARE(int(EventId::Pop3TransactionError), 12052);
}

void TestEventCatalog::levelFiltering()
{
    EventLog log;
    QList<EventId> kept;
    connect(&log, &EventLog::eventLogged, this, [&kept](const Event &e) { kept.append(e.id); });
    const QList<EventId> sample = {
        EventId::MessageStored, EventId::RetrievalFinished, EventId::AuthenticationFailed};
    for (LogLevel level :
        {LogLevel::None, LogLevel::Minimum, LogLevel::Medium, LogLevel::Maximum}) {
        kept.clear();
        log.setLevel(level);
        for (EventId id : sample)
            log.post(Event::make(id, QStringLiteral("x")));
        switch (level) {
        case LogLevel::None:
            QVERIFY(kept.isEmpty());
            break;
        case LogLevel::Minimum:
            QCOMPARE(kept, QList<EventId> {EventId::AuthenticationFailed});
            break;
        case LogLevel::Medium:
            QCOMPARE(
                kept, (QList<EventId> {EventId::RetrievalFinished, EventId::AuthenticationFailed}));
            break;
        case LogLevel::Maximum:
            QCOMPARE(kept, sample);
            break;
        }
    }
}

void TestEventCatalog::jsonRoundTrip()
{
    const Event e = Event::make(EventId::AuthenticationFailed,
        QStringLiteral("ログイン失敗 \"quoted\"\nsecond line"), QStringLiteral("office"),
        QStringLiteral("uid-1"));
    const QByteArray line = EventLog::toJsonLine(e);
    QVERIFY(line.endsWith('\n'));
    QCOMPARE(line.count('\n'), 1);
    const std::optional<Event> back = EventLog::fromJsonLine(line);
    QVERIFY(back);
    QCOMPARE(back->id, e.id);
    QCOMPARE(back->text, e.text);
    QCOMPARE(back->mailbox, e.mailbox);
    QCOMPARE(back->message, e.message);
    QCOMPARE(back->severity, Severity::Error);
    QCOMPARE(back->category, Category::Download);
    QCOMPARE(back->time, e.time);
    QVERIFY(!EventLog::fromJsonLine("not json"));
}

QTEST_GUILESS_MAIN(TestEventCatalog)
#include "tst_eventcatalog.moc"
