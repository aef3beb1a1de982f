// p3c-corpus N MAILDIR [SEED] [BIG_BYTES] [MAX_BYTES]: writes a deterministic test corpus.
#include "corpus.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: p3c-corpus N MAILDIR [SEED] [BIG_BYTES] [MAX_BYTES]\n");
        return 2;
    }
    CorpusOptions o;
    o.count = args[1].toInt();
    if (args.size() > 3)
        o.seed = args[3].toULongLong();
    if (args.size() > 4)
        o.bigMessageBytes = args[4].toLongLong();
    if (args.size() > 5)
        o.maxBytes = args[5].toLongLong();
    const QList<QByteArray> messages = makeCorpus(o);
    if (const QString error = writeMaildir(messages, args[2]); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    qint64 total = 0;
    for (const QByteArray &m : messages)
        total += m.size();
    std::printf("messages %d\nbytes %lld\n", int(messages.size()), total);
    return 0;
}
