// Every file-system operation of a stage made to fail in turn, the way a full disk or an I/O
// error would make it fail: whichever one fails, each message stays whole in exactly one folder,
// the failure is reported, and with the fault gone the same run succeeds.
#include "operationrecorder.h"
#include "pipeline/transfer/transferstage.h"
#include "spool/deliveryhistory.h"
#include "spool/pickupenvelope.h"
#include "spool/spoolbrowser.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

namespace {

QByteArray message(int i)
{
    return "Message-ID: <m" + QByteArray::number(i)
        + "@origin.example>\r\n"
          "From: bob@origin.example\r\nTo: alice@office.example\r\nSubject: "
        + QByteArray::number(i) + "\r\n\r\nbody " + QByteArray(2000 * (i + 1), char('a' + i))
        + "\r\n";
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void transferFailsAtEveryOperation();
    void requeueFailsAtEveryOperation();

private:
    void fresh();
    void addIncoming(const QString &name, const QByteArray &bytes);
    TransferReport transfer();
    // Where each message is: folder names, "(torn)" when the file there is not whole.
    QStringList placesOf(const QString &name, const QByteArray &bytes) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    Spool m_spool;
    Configuration m_config;
    std::shared_ptr<DeliveryHistory> m_history;
};

void TestFaultInjection::fresh()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_spool = Spool(m_dir->path());
    QCOMPARE(failure(m_spool.prepare()), QString());
    MailboxSettings shop;
    shop.name = QStringLiteral("shop");
    shop.host = QStringLiteral("pop.isp.example");
    shop.localMailbox = QStringLiteral("alice@office.example");
    m_config.mailboxes = {shop};
    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    QCOMPARE(failure(m_history->open()), QString());
}

void TestFaultInjection::addIncoming(const QString &name, const QByteArray &bytes)
{
    QFile f(m_spool.messagePath(SpoolFolder::Incoming, name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("shop");
    meta.uid = name.toUtf8();
    QFile m(m_spool.metaPath(SpoolFolder::Incoming, name));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(meta.serialize());
}

TransferReport TestFaultInjection::transfer()
{
    TransferStage stage(m_spool, m_config, m_history);
    QSignalSpy finished(&stage, &TransferStage::finished);
    stage.run();
    return finished.value(0).value(0).value<TransferReport>();
}

QStringList TestFaultInjection::placesOf(const QString &name, const QByteArray &bytes) const
{
    QStringList places;
    for (SpoolFolder folder : Spool::folders()) {
        const QString path = m_spool.messagePath(folder, name);
        if (!QFile::exists(path))
            continue;
        const bool enveloped = folder == SpoolFolder::PickUp || folder == SpoolFolder::BadMail;
        // After the sidecar at the top of a PickUp or BadMail file.
        const QByteArray onDisk =
            enveloped ? readSpooledMessage(m_spool.folderPath(folder), name).bytes : readAll(path);
        const bool whole =
            enveloped ? (PickupEnvelope::parse(onDisk) && onDisk.endsWith(bytes)) : onDisk == bytes;
        places.append(Spool::folderName(folder) + (whole ? QString() : QStringLiteral(" (torn)")));
    }
    return places;
}

void TestFaultInjection::transferFailsAtEveryOperation()
{
    const QStringList names = {QStringLiteral("m0"), QStringLiteral("m1"), QStringLiteral("m2")};
    // A clean run first, to know how many operations a transfer of these three takes.
    int operations = 0;
    {
        fresh();
        for (int i = 0; i < names.size(); ++i)
            addIncoming(names[i], message(i));
        OperationRecorder recorder;
        QCOMPARE(transfer().routed, 3);
        operations = recorder.seen();
    }
    QVERIFY(operations > 10);
    for (int failing = 0; failing < operations; ++failing) {
        fresh();
        for (int i = 0; i < names.size(); ++i)
            addIncoming(names[i], message(i));
        TransferReport r;
        {
            OperationRecorder recorder;
            recorder.failAt(failing);
            r = transfer();
            QCOMPARE(recorder.failed(), 1);
        }
        const QString at = QStringLiteral("operation %1 failing").arg(failing);
        // Every failure is said, also one the stage can live with (a copy left for recovery).
        QVERIFY2(!r.error.isEmpty(), qPrintable(at));
        // What the next cycle sees first: recovery settles what the failure left.
        const RecoveryReport recovered =
            recoverSpool(m_spool, [](const MessageMetadata &) { return nullptr; });
        QVERIFY2(recovered.errors.isEmpty(), qPrintable(recovered.errors.join(u';')));
        for (int i = 0; i < names.size(); ++i) {
            const QStringList places = placesOf(names[i], message(i));
            QVERIFY2(places.size() == 1 && !places.first().contains(u'('),
                qPrintable(at + QStringLiteral(": ") + names[i] + QStringLiteral(" in ")
                    + places.join(u',')));
        }
        // The fault gone, the next cycle finishes the work, once.
        QCOMPARE(failure(m_history->open()), QString());
        QCOMPARE(transfer().error, QString());
        for (int i = 0; i < names.size(); ++i) {
            QCOMPARE(placesOf(names[i], message(i)),
                QStringList {Spool::folderName(SpoolFolder::PickUp)});
        }
        QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), qPrintable(at));
    }
}

void TestFaultInjection::requeueFailsAtEveryOperation()
{
    int operations = 0;
    const auto setUp = [this] {
        fresh();
        addIncoming(QStringLiteral("m0"), message(0));
        QCOMPARE(failure(moveMessage(m_spool, SpoolFolder::Incoming, SpoolFolder::Failed,
                     QStringLiteral("m0"), MessageMetadata {})),
            QString());
    };
    {
        setUp();
        OperationRecorder recorder;
        QCOMPARE(
            SpoolBrowser(m_spool).requeue(SpoolFolder::Failed, QStringLiteral("m0")), QString());
        operations = recorder.seen();
    }
    QVERIFY(operations >= 4);
    for (int failing = 0; failing < operations; ++failing) {
        setUp();
        QString error;
        {
            OperationRecorder recorder;
            recorder.failAt(failing);
            error =
                SpoolBrowser(m_spool).requeue(SpoolFolder::Failed, QStringLiteral("m0")).english();
        }
        const QString at = QStringLiteral("operation %1 failing").arg(failing);
        QVERIFY2(!error.isEmpty(), qPrintable(at));
        (void)recoverSpool(m_spool, [](const MessageMetadata &) { return nullptr; });
        const QStringList places = placesOf(QStringLiteral("m0"), message(0));
        QVERIFY2(places.size() == 1 && !places.first().contains(u'('),
            qPrintable(at + QStringLiteral(": ") + places.join(u',')));
    }
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
