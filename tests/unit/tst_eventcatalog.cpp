#include "events/event.h"
#include "events/eventlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Pop3Connector;

class TestEventCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyEventIsDocumented();
    void documentIsGeneratedFromTheData();
    void catalogueIsTheData();
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
