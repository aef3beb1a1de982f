<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Ctl</name>
    <message>
        <source>Password for %1: </source>
        <translation>%1 のパスワード: </translation>
    </message>
    <message>
        <source>pop3connectorctl: no password given; nothing stored</source>
        <translation>pop3connectorctl: パスワードが入力されなかったため、何も保存していません</translation>
    </message>
    <message>
        <source>pop3connectorctl: no service answers on %1. %2</source>
        <translation>pop3connectorctl: %1 で応答するサービスがありません。%2</translation>
    </message>
    <message>
        <source>The running cycle is being cancelled.</source>
        <translation>実行中のサイクルを取り消しています。</translation>
    </message>
    <message>
        <source>No cycle was running.</source>
        <translation>実行中のサイクルはありませんでした。</translation>
    </message>
    <message>
        <source>Delivery to the local mail server started.</source>
        <translation>ローカル メール サーバーへの配信を開始しました。</translation>
    </message>
    <message>
        <source>Delivery to the local mail server stopped; mail collects in PickUp.</source>
        <translation>ローカル メール サーバーへの配信を停止しました。メールは PickUp にたまります。</translation>
    </message>
    <message>
        <source>requeued</source>
        <translation>再処理に回しました</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除しました</translation>
    </message>
    <message>
        <source>%1 %2, process %3, user %4</source>
        <translation>%1 %2、プロセス %3、ユーザー %4</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>構成: %1</translation>
    </message>
    <message>
        <source>Spool: %1</source>
        <translation>スプール: %1</translation>
    </message>
    <message>
        <source>Passwords: %1</source>
        <translation>パスワード: %1</translation>
    </message>
    <message>
        <source>Cycle: %1 running</source>
        <translation>サイクル: %1 を実行中</translation>
    </message>
    <message>
        <source>Cycle: idle; next run %1</source>
        <translation>サイクル: 待機中。次回 %1</translation>
    </message>
    <message>
        <source>Cycle: idle; no schedule (schedule_enabled = false)</source>
        <translation>サイクル: 待機中。スケジュールなし (schedule_enabled = false)</translation>
    </message>
    <message>
        <source>Delivery: on</source>
        <translation>配信: 有効</translation>
    </message>
    <message>
        <source>Delivery: stopped; mail collects in PickUp</source>
        <translation>配信: 停止中。メールは PickUp にたまります</translation>
    </message>
    <message>
        <source>active</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>待機</translation>
    </message>
    <message>
        <source>Stages: %1</source>
        <translation>段階: %1</translation>
    </message>
    <message>
        <source>Folders: %1</source>
        <translation>フォルダー: %1</translation>
    </message>
    <message>
        <source>Mailboxes:</source>
        <translation>メールボックス:</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>not retrieved yet</source>
        <translation>未取得</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>新着 %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>Cycle %1 requested.</source>
        <translation>サイクル %1 を要求しました。</translation>
    </message>
    <message>
        <source>%1: %2 What to do: %3</source>
        <translation>%1: %2 対処: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>メッセージ %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>Message %1 written to %2 (%3 bytes).</source>
        <translation>メッセージ %1 を %2 に書き出しました (%3 バイト)。</translation>
    </message>
    <message>
        <source>Password for %1 stored in %2.</source>
        <translation>%1 のパスワードを %2 に保存しました。</translation>
    </message>
    <message numerus="yes">
        <source>The connection works: %n message(s) waiting.</source>
        <translation>
            <numerusform>接続できました。%n 通のメッセージがあります。</numerusform>
        </translation>
    </message>
    <message>
        <source>The test failed: %1 What to do: %2</source>
        <translation>テストに失敗しました: %1 対処: %2</translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation>構成にメールボックス %1 がありません</translation>
    </message>
    <message>
        <source>%1 logs in with a password (auth); set auth = xoauth2 or oauthbearer and its oauth_ keys first</source>
        <translation>%1 はパスワードでログインする設定です (auth)。先に auth = xoauth2 または oauthbearer と oauth_ で始まるキーを設定してください</translation>
    </message>
    <message>
        <source>%1 names no device authorization endpoint (oauth_device_url)</source>
        <translation>%1 にはデバイス認可エンドポイント (oauth_device_url) が指定されていません</translation>
    </message>
    <message>
        <source>To sign in for mailbox %1, open %2 in a browser and enter the code %3</source>
        <translation>メールボックス %1 にサインインするには、ブラウザーで %2 を開き、コード %3 を入力してください</translation>
    </message>
    <message>
        <source>(or open %1)</source>
        <translation>(または %1 を開いてください)</translation>
    </message>
    <message>
        <source>Waiting for the sign-in... (Ctrl-C to give up)</source>
        <translation>サインインを待っています... (中止するには Ctrl-C)</translation>
    </message>
    <message>
        <source>the provider gave no refresh token; the scopes need offline_access (Microsoft)</source>
        <translation>プロバイダーがリフレッシュ トークンを発行しませんでした。スコープに offline_access が必要です (Microsoft)</translation>
    </message>
    <message>
        <source>the sign-in for %1 did not complete: %2</source>
        <translation>%1 のサインインが完了しませんでした: %2</translation>
    </message>
    <message>
        <source>Signed in; mailbox %1 can be retrieved. The sign-in is kept in %2.</source>
        <translation>サインインしました。メールボックス %1 のメールを取得できます。サインイン情報は %2 に保存されています。</translation>
    </message>
    <message>
        <source>would go back to Failed Mail: %1</source>
        <translation>Failed Mail に戻るだけです: %1</translation>
    </message>
    <message>
        <source>Nothing was requeued. Fix the cause first (pop3connectorctl diagnose helps), or requeue anyway with --force.</source>
        <translation>何も再送キューに入れていません。先に原因を直す (pop3connectorctl diagnose が役立ちます) か、--force を付けてそれでも再送してください。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Cycle %1 finished: %2, %3, %4 delivered.</source>
        <translation>サイクル %1 終了: %2、%3、配信 %4 通。</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>メールボックス %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Administers the running POP3 Connector service.

Commands:
  status                   stages, mailboxes, folders, next run
  retrieve-now [MAILBOX]   run a cycle now (--wait: until it has finished)
  cancel                   end the running cycle
  delivery stop|start      stop or start delivery to the local mail server
  spool list FOLDER        incoming, failed, pickup or badmail
  spool show NAME          a message&apos;s header and text
  spool requeue NAME...    Failed Mail to Incoming Mail, BadMail to PickUp (a message
                           that would only fail again: not without --force)
  spool delete NAME...
  spool export NAME FILE   the message as it arrived (FILE - : standard output)
  set-password NAME        a mailbox&apos;s or the delivery login&apos;s (read from the terminal or standard input)
  authorize NAME           sign in for a mailbox (or delivery) that logs in with OAuth 2.0 (prints an address and a code, and waits)
  events [--follow]        the recent events, and with --follow those to come
  test MAILBOX             a connection test run by the service
  diagnose                 every check of the troubleshooter, run by the service
  track QUERY              a message&apos;s path: by Message-ID, sender, recipient, subject
                           or spool name (--since, --until: a time range)

Exit status: 0 done, 1 the operation failed, 2 bad usage, 3 no service answers.
diagnose: 0 all checks pass, 1 a warning, 2 a failure, 3 no service answers.
track: 0 a message was found, 1 none was.</source>
        <translation>実行中の POP3 Connector サービスを管理します。

コマンド:
  status                   各段階、メールボックス、フォルダー、次回の実行
  retrieve-now [MAILBOX]   今すぐサイクルを実行 (--wait: 終わるまで待つ)
  cancel                   実行中のサイクルを終了
  delivery stop|start      ローカル メール サーバーへの配信を停止または開始
  spool list FOLDER        incoming、failed、pickup または badmail
  spool show NAME          メッセージのヘッダーと本文
  spool requeue NAME...    Failed Mail から Incoming Mail へ、BadMail から PickUp へ戻す
                           (再び失敗するだけのメッセージは --force なしでは戻さない)
  spool delete NAME...
  spool export NAME FILE   受信したままのメッセージ (FILE が - なら標準出力)
  set-password NAME        メールボックスまたは配信用ログインのパスワード (端末または標準入力から読む)
  authorize NAME           OAuth 2.0 でログインするメールボックス (または配信) のサインイン (アドレスとコードを表示して待つ)
  events [--follow]        最近のイベント。--follow でこれから発生するものも
  test MAILBOX             サービスが実行する接続テスト
  diagnose                 トラブルシューティングの全チェックをサービスが実行
  track QUERY              メッセージの経路: Message-ID、送信者、受信者、件名
                           またはスプール名で検索 (--since、--until: 期間)

終了ステータス: 0 完了、1 操作の失敗、2 使い方の誤り、3 応答するサービスがない。
diagnose: 0 すべて合格、1 警告あり、2 失敗あり、3 応答するサービスがない。
track: 0 メッセージが見つかった、1 見つからなかった。</translation>
    </message>
    <message>
        <source>Configuration file of the service (default %1 when this user may read it, else %2).</source>
        <translation>サービスの設定ファイル (このユーザーが読めるときは既定で %1、読めないときは %2)。</translation>
    </message>
    <message>
        <source>Print JSON, for scripts.</source>
        <translation>スクリプト向けに JSON で出力します。</translation>
    </message>
    <message>
        <source>retrieve-now: return when the cycle has finished.</source>
        <translation>retrieve-now: サイクルが終わるまで待ってから戻ります。</translation>
    </message>
    <message>
        <source>events: go on printing events as they happen.</source>
        <translation>events: 発生したイベントを続けて表示します。</translation>
    </message>
    <message>
        <source>track: from this time (2026-03-01, 2026-03-01T09:30, or back from now: 90m, 12h, 7d).</source>
        <translation>track: この日時から (2026-03-01、2026-03-01T09:30、または現在からさかのぼって 90m、12h、7d)。</translation>
    </message>
    <message>
        <source>track: up to this time (as --since).</source>
        <translation>track: この日時まで (--since と同じ形式)。</translation>
    </message>
    <message>
        <source>spool requeue: requeue even a message in Failed Mail whose cause is not fixed.</source>
        <translation>spool requeue: 原因が直っていない Failed Mail のメッセージも再送します。</translation>
    </message>
    <message>
        <source>What to do (see above).</source>
        <translation>実行する操作 (上記を参照)。</translation>
    </message>
    <message>
        <source>--force goes with spool requeue</source>
        <translation>--force は spool requeue と一緒に使います</translation>
    </message>
</context>
<context>
    <name>CtlCommand</name>
    <message>
        <source>name a command; see --help</source>
        <translation>コマンドが指定されていません。--help を参照してください</translation>
    </message>
    <message>
        <source>--wait goes with retrieve-now</source>
        <translation>--wait は retrieve-now でのみ使えます</translation>
    </message>
    <message>
        <source>--follow goes with events</source>
        <translation>--follow は events でのみ使えます</translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation>%1 には引数を指定できません</translation>
    </message>
    <message>
        <source>retrieve-now takes at most one mailbox</source>
        <translation>retrieve-now に指定できるメールボックスは 1 つまでです</translation>
    </message>
    <message>
        <source>delivery takes stop or start</source>
        <translation>delivery には stop か start を指定してください</translation>
    </message>
    <message>
        <source>spool takes list, show, requeue, delete or export</source>
        <translation>spool には list、show、requeue、delete、export のいずれかを指定してください</translation>
    </message>
    <message>
        <source>usage: spool list FOLDER | spool show NAME | spool requeue NAME... | spool delete NAME... | spool export NAME FILE</source>
        <translation>使い方: spool list フォルダー | spool show 名前 | spool requeue 名前... | spool delete 名前... | spool export 名前 ファイル</translation>
    </message>
    <message>
        <source>set-password takes a mailbox, or delivery; the password is read from the terminal or standard input, never from the command line</source>
        <translation>set-password にはメールボックスか delivery を指定してください。パスワードは端末または標準入力から読み取り、コマンド ラインからは受け付けません</translation>
    </message>
    <message>
        <source>events takes no arguments</source>
        <translation>events には引数を指定できません</translation>
    </message>
    <message>
        <source>test takes a mailbox</source>
        <translation>test にはメールボックスを指定してください</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>不明なコマンド「%1」です。--help を参照してください</translation>
    </message>
    <message>
        <source>diagnose takes no arguments</source>
        <translation>diagnose には引数を指定できません</translation>
    </message>
    <message>
        <source>authorize takes a mailbox, or delivery</source>
        <translation>authorize にはメールボックスか delivery を指定してください</translation>
    </message>
    <message>
        <source>track takes one QUERY (quote one with spaces), or none with --since</source>
        <translation>track に指定できる検索語 (QUERY) は 1 つです (空白を含むときは引用符で囲んでください)。--since を使うときは省略できます</translation>
    </message>
</context>
<context>
    <name>CtlTrack</name>
    <message>
        <source>stored</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>振り分け</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>配信延期</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>to BadMail</source>
        <translation>BadMail へ</translation>
    </message>
    <message>
        <source>action</source>
        <translation>管理操作</translation>
    </message>
    <message numerus="yes">
        <source>from mailbox %1 on %2, UIDL %3, %n byte(s)</source>
        <translation>
            <numerusform>%2 のメールボックス %1 から、UIDL %3、%n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>left on the server</source>
        <translation>サーバーにも残しています</translation>
    </message>
    <message>
        <source>to %1 (%2)</source>
        <translation>宛先 %1 (%2)</translation>
    </message>
    <message>
        <source>Message-ID &lt;%1&gt;</source>
        <translation>Message-ID &lt;%1&gt;</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>送信者 %1</translation>
    </message>
    <message>
        <source>subject &quot;%1&quot;</source>
        <translation>件名「%1」</translation>
    </message>
    <message>
        <source>%1 in %2 by %3</source>
        <translation>%3 が %2 で %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>宛先 %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>サーバー %1</translation>
    </message>
    <message>
        <source>--since and --until go with track</source>
        <translation>--since と --until は track でのみ使えます</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: give 2026-03-01, 2026-03-01T09:30, or 90m, 12h, 7d</source>
        <translation>「%1」は日時ではありません。2026-03-01、2026-03-01T09:30、または 90m、12h、7d の形で指定してください</translation>
    </message>
    <message>
        <source>track takes a QUERY, a time range (--since, --until), or both</source>
        <translation>track には検索語 (QUERY)、期間 (--since、--until)、またはその両方を指定してください</translation>
    </message>
    <message>
        <source>No message matches.</source>
        <translation>一致するメッセージはありません。</translation>
    </message>
    <message>
        <source>Message %1 — now: %2</source>
        <translation>メッセージ %1 — 現在: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector</name>
    <message>
        <source>&quot;%1&quot; is not a section header; write [section]</source>
        <translation>「%1」はセクション見出しではありません。[セクション名] の形で書いてください</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting; write key = value</source>
        <translation>「%1」は設定行ではありません。キー = 値 の形で書いてください</translation>
    </message>
    <message>
        <source>missing; name the provider&apos;s POP3 server</source>
        <translation>指定がありません。プロバイダーの POP3 サーバー名を書いてください</translation>
    </message>
    <message>
        <source>missing; give the POP3 user name</source>
        <translation>指定がありません。POP3 のユーザー名を書いてください</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 を読めません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a rule; write PATTERN -&gt; LOCAL ADDRESS, where each side is an address or *@domain</source>
        <translation>「%1」はルールではありません。パターン -&gt; ローカルアドレス の形で、両側にアドレスか *@domain を書いてください</translation>
    </message>
    <message>
        <source>missing; a global mailbox needs the domains whose mail it receives, comma-separated</source>
        <translation>指定がありません。グローバル メールボックスには、受け取るメールのドメインをカンマ区切りで指定する必要があります</translation>
    </message>
    <message>
        <source>the system keychain did not answer (is it locked, or waiting for a password prompt?)</source>
        <translation>システムのキーチェーンが応答しません (ロックされているか、パスワード入力を待っていませんか?)</translation>
    </message>
    <message>
        <source>the password file %1 does not exist or cannot be reached</source>
        <translation>パスワード ファイル %1 が存在しないか、アクセスできません</translation>
    </message>
    <message>
        <source>the password file %1 belongs to another user; make the connector&apos;s user its owner</source>
        <translation>パスワード ファイル %1 の所有者が別のユーザーです。コネクタを実行するユーザーを所有者にしてください</translation>
    </message>
    <message>
        <source>the password file %1 can be read by other users (mode %2); run chmod 600 %1</source>
        <translation>パスワード ファイル %1 は他のユーザーが読めます (モード %2)。chmod 600 %1 を実行してください</translation>
    </message>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>パスワード ファイル %1 を読めません: %2</translation>
    </message>
    <message>
        <source>the password file %1 is empty; put the password on its first line</source>
        <translation>パスワード ファイル %1 が空です。1 行目にパスワードを書いてください</translation>
    </message>
    <message>
        <source>the listing has more than %1 messages, more than any real mailbox holds</source>
        <translation>一覧のメッセージが %1 通を超えています。実際のメールボックスではありえない数です</translation>
    </message>
    <message>
        <source>the service&apos;s password files in %1</source>
        <translation>%1 にあるサービスのパスワード ファイル</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>システムのキーチェーン</translation>
    </message>
    <message>
        <source>missing; a mailbox that signs in with OAuth needs the client id of the application registered with the provider</source>
        <translation>指定がありません。OAuth でサインインするメールボックスには、プロバイダーに登録したアプリケーションのクライアント ID が必要です</translation>
    </message>
    <message>
        <source>missing; name the provider&apos;s token endpoint, or choose an oauth_provider</source>
        <translation>指定がありません。プロバイダーのトークン エンドポイントを書くか、oauth_provider を選んでください</translation>
    </message>
    <message>
        <source>the token endpoint did not answer with a JSON object</source>
        <translation>トークン エンドポイントの応答が JSON オブジェクトではありませんでした</translation>
    </message>
    <message>
        <source>the token endpoint&apos;s answer has no bearer access token</source>
        <translation>トークン エンドポイントの応答に Bearer アクセス トークンがありません</translation>
    </message>
    <message>
        <source>the device authorization endpoint did not answer with a JSON object</source>
        <translation>デバイス認可エンドポイントの応答が JSON オブジェクトではありませんでした</translation>
    </message>
    <message>
        <source>the device authorization endpoint&apos;s answer lacks the code or the address</source>
        <translation>デバイス認可エンドポイントの応答に、コードまたはアドレスがありません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::AlertPolicy</name>
    <message>
        <source>Mailbox %1 is failing</source>
        <translation>メールボックス %1 でエラーが起きています</translation>
    </message>
    <message>
        <source>Delivery to the local mail server has stopped</source>
        <translation>ローカル メール サーバーへの配信が止まっています</translation>
    </message>
    <message>
        <source>Transfer to PickUp has stopped</source>
        <translation>PickUp への転送が止まっています</translation>
    </message>
    <message>
        <source>Mail arrived in Failed Mail</source>
        <translation>Failed Mail にメールが入りました</translation>
    </message>
    <message>
        <source>Mail arrived in BadMail</source>
        <translation>BadMail にメールが入りました</translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation>スプールのディスクがいっぱいになりかけています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::AuthorizationCodeFlow</name>
    <message>
        <source>the mailbox names no authorization endpoint (oauth_authorization_url)</source>
        <translation>メールボックスに認可エンドポイント (oauth_authorization_url) が指定されていません</translation>
    </message>
    <message>
        <source>no port on 127.0.0.1 for the sign-in&apos;s answer: %1</source>
        <translation>サインインの応答を受け取るポートを 127.0.0.1 で開けません: %1</translation>
    </message>
    <message>
        <source>POP3 Connector</source>
        <translation>POP3 コネクタ</translation>
    </message>
    <message>
        <source>Signed in. You can close this window and return to POP3 Connector.</source>
        <translation>サインインしました。このウィンドウを閉じて POP3 コネクタに戻ってください。</translation>
    </message>
    <message>
        <source>The sign-in did not complete. Close this window and see POP3 Connector for the reason.</source>
        <translation>サインインが完了しませんでした。このウィンドウを閉じ、POP3 コネクタで理由を確認してください。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::BrowserSignIn</name>
    <message>
        <source>%1 logs in with a password; set auth = xoauth2 or oauthbearer first</source>
        <translation>%1 はパスワードでログインする設定です。先に auth = xoauth2 または oauthbearer を設定してください</translation>
    </message>
    <message>
        <source>the provider gave no refresh token; the scopes need offline_access (Microsoft)</source>
        <translation>プロバイダーがリフレッシュ トークンを発行しませんでした。スコープに offline_access が必要です (Microsoft)</translation>
    </message>
    <message>
        <source>the sign-in did not complete: %1</source>
        <translation>サインインが完了しませんでした: %1</translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation>サービスに接続していません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConfigurationChecks</name>
    <message>
        <source>Mailboxes %1 and %2 retrieve the same account</source>
        <translation>メールボックス %1 と %2 が同じアカウントから取得しています</translation>
    </message>
    <message>
        <source>both log in to %1 as %2</source>
        <translation>どちらも %1 に %2 としてログインします</translation>
    </message>
    <message>
        <source>Keep one entry per account: whichever runs first takes the mail (and with leave on server off, deletes it), so the other finds the mailbox empty. Remove or disable one of them.</source>
        <translation>1 つのアカウントにつきエントリは 1 つにしてください。先に実行された方がメールを取得し (サーバーにメールを残す設定がオフなら削除もし)、もう一方には空のメールボックスしか残りません。どちらかを削除するか無効にしてください。</translation>
    </message>
    <message>
        <source>Global mailbox %1 has no routing rules and no accepted domains</source>
        <translation>グローバル メールボックス %1 に振り分けルールも受け付けるドメインもありません</translation>
    </message>
    <message>
        <source>Add accepted domains or rules (PATTERN -&gt; TARGET) to [mailbox.%1], or make it a user mailbox with a local mailbox; otherwise every message goes to the undeliverable mailbox.</source>
        <translation>[mailbox.%1] に受け付けるドメインかルール (パターン -&gt; 宛先) を追加するか、ローカル メールボックスを持つユーザー メールボックスにしてください。このままではすべてのメッセージが配信不能メールボックスに送られます。</translation>
    </message>
    <message>
        <source>Mailbox %1 sends its password unencrypted</source>
        <translation>メールボックス %1 はパスワードを暗号化せずに送信します</translation>
    </message>
    <message>
        <source>security = none with auth = %1</source>
        <translation>security = none で auth = %1</translation>
    </message>
    <message>
        <source>Use security = tls (port 995) or starttls if the provider offers it; anyone on the network path can read the password otherwise.</source>
        <translation>プロバイダーが対応していれば security = tls (ポート 995) または starttls を使ってください。このままでは経路上の誰でもパスワードを読み取れます。</translation>
    </message>
    <message>
        <source>Each account is retrieved by one mailbox entry</source>
        <translation>どのアカウントも 1 つのメールボックス エントリだけが取得しています</translation>
    </message>
    <message>
        <source>Every global mailbox routes its mail</source>
        <translation>すべてのグローバル メールボックスにメールの振り分け先があります</translation>
    </message>
    <message>
        <source>No password is sent unencrypted</source>
        <translation>暗号化されずに送信されるパスワードはありません</translation>
    </message>
    <message>
        <source>The password for %1 is stored</source>
        <translation>%1 のパスワードは保存されています</translation>
    </message>
    <message>
        <source>No password is stored for %1</source>
        <translation>%1 のパスワードが保存されていません</translation>
    </message>
    <message>
        <source>Store it with: pop3connectorctl set-password %1</source>
        <translation>次のコマンドで保存してください: pop3connectorctl set-password %1</translation>
    </message>
    <message>
        <source>The password file of %1 can be read by others</source>
        <translation>%1 のパスワード ファイルを他のユーザーが読み取れます</translation>
    </message>
    <message>
        <source>Make the file private to the service user: chmod 600 FILE, owned by that user.</source>
        <translation>ファイルをサービス ユーザー専用にしてください: 所有者をそのユーザーにして chmod 600 ファイル。</translation>
    </message>
    <message>
        <source>The password for %1 cannot be read</source>
        <translation>%1 のパスワードを読み取れません</translation>
    </message>
    <message>
        <source>Check that the keychain is unlocked, or that the password file is readable by the service user.</source>
        <translation>キーチェーンのロックが解除されているか、パスワード ファイルをサービス ユーザーが読み取れるかを確認してください。</translation>
    </message>
    <message>
        <source>%1 is signed in; the provider issued an access token</source>
        <translation>%1 はサインイン済みです。プロバイダーがアクセス トークンを発行しました</translation>
    </message>
    <message>
        <source>Sign in: pop3connectorctl authorize %1</source>
        <translation>サインインしてください: pop3connectorctl authorize %1</translation>
    </message>
    <message>
        <source>Nobody has signed in for %1</source>
        <translation>%1 にはまだ誰もサインインしていません</translation>
    </message>
    <message>
        <source>The provider withdrew the sign-in of %1</source>
        <translation>プロバイダーが %1 のサインインを取り消しました</translation>
    </message>
    <message>
        <source>The provider issued no access token for %1</source>
        <translation>プロバイダーが %1 のアクセス トークンを発行しませんでした</translation>
    </message>
    <message>
        <source>Check the network, oauth_token_url, and the client id and secret.</source>
        <translation>ネットワーク、oauth_token_url、クライアント ID とシークレットを確認してください。</translation>
    </message>
    <message>
        <source>The sign-in of %1 cannot be read</source>
        <translation>%1 のサインイン情報を読み取れません</translation>
    </message>
    <message>
        <source>Check that the keychain is unlocked, or that the password store is readable by the service user.</source>
        <translation>キーチェーンのロックが解除されていること、またはパスワード ストアをサービス ユーザーが読み取れることを確認してください。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConfigurationFile</name>
    <message>
        <source>cannot open the configuration file: %1; create it from the example in docs/configuration.md</source>
        <translation>構成ファイルを開けません: %1。docs/configuration.md の例をもとに作成してください</translation>
    </message>
    <message>
        <source>the file is not in INI format (sections and key = value lines)</source>
        <translation>INI 形式 (セクションと キー = 値 の行) のファイルではありません</translation>
    </message>
    <message>
        <source>unknown section [%1]; the sections are [connector], [delivery] and [mailbox.NAME]</source>
        <translation>不明なセクション [%1] です。使えるセクションは [connector]、[delivery]、[mailbox.名前] です</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mailbox name; use letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;@&apos;</source>
        <translation>「%1」はメールボックス名に使えません。英字、数字、「.」「_」「-」「@」を使ってください</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a group name; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>「%1」はグループ名に使えません。英字、数字、「.」「_」「-」を使ってください</translation>
    </message>
    <message>
        <source>cannot read the configuration: %1</source>
        <translation>設定を読み込めません: %1</translation>
    </message>
    <message>
        <source>missing; auth %1 logs in as a user</source>
        <translation>指定がありません。auth %1 ではユーザーとしてログインします</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ConnectionTestDialog</name>
    <message>
        <source>Test connection: %1</source>
        <translation>接続テスト: %1</translation>
    </message>
    <message numerus="yes">
        <source>The connection works. The mailbox holds %n message(s)</source>
        <translation>
            <numerusform>接続できました。メールボックスには %n 通のメッセージがあります</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 KB).</source>
        <translation> (%1 KB)。</translation>
    </message>
    <message>
        <source>%1: %2
What to do: %3</source>
        <translation>%1: %2
対処: %3</translation>
    </message>
    <message>
        <source>Connection transcript</source>
        <translation>接続の記録</translation>
    </message>
    <message>
        <source>The service is testing the connection...</source>
        <translation>サービスが接続をテストしています...</translation>
    </message>
    <message>
        <source>The service could not test the connection: %1</source>
        <translation>サービスは接続をテストできませんでした: %1</translation>
    </message>
    <message>
        <source>What the service and the POP3 server said to each other; passwords are masked.</source>
        <translation>サービスと POP3 サーバーのやり取りです。パスワードは伏せてあります。</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>サーバー証明書</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate for this mailbox</source>
        <translation>このメールボックスでこの証明書を信頼する(&amp;T)</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>発行先:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>発行者:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有効期間:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 フィンガープリント:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 から %2 まで</translation>
    </message>
    <message>
        <source>The server&apos;s certificate expired on %1.</source>
        <translation>サーバーの証明書は %1 に有効期限が切れています。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is valid only from %1. Check this computer&apos;s clock.</source>
        <translation>サーバーの証明書は %1 から有効になります。このコンピューターの時計を確認してください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued for %1, not for %2.</source>
        <translation>サーバーの証明書は %2 ではなく %1 に対して発行されています。</translation>
    </message>
    <message>
        <source>The server signed its certificate itself; no authority this computer knows vouches for it.</source>
        <translation>サーバーの証明書は自己署名です。このコンピューターが信頼する認証局による保証がありません。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued by %1, an authority this computer does not know.</source>
        <translation>サーバーの証明書は、このコンピューターが信頼していない認証局 %1 によって発行されています。</translation>
    </message>
    <message>
        <source>The connection was stopped before the password was sent: %1</source>
        <translation>パスワードを送信する前に接続を中止しました: %1</translation>
    </message>
    <message>
        <source>If this is your provider&apos;s server, compare the fingerprint with the one the provider gives you. When they match, trust this certificate: this mailbox then accepts exactly this certificate and no other.</source>
        <translation>プロバイダーのサーバーであれば、フィンガープリントをプロバイダーが公開しているものと照合してください。一致した場合はこの証明書を信頼してください。以後、このメールボックスはこの証明書だけを受け入れ、ほかの証明書は受け入れません。</translation>
    </message>
    <message>
        <source>Ask the provider to renew the certificate. Trusting it would not help.</source>
        <translation>プロバイダーに証明書の更新を依頼してください。この証明書を信頼しても解決しません。</translation>
    </message>
    <message>
        <source>The service could not save the certificate: %1</source>
        <translation>サービスは証明書を保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The service saved the certificate but did not take the configuration:
%1</source>
        <translation>サービスは証明書を保存しましたが、設定を受け付けませんでした:
%1</translation>
    </message>
    <message>
        <source>The certificate is trusted for this mailbox. Testing again...</source>
        <translation>このメールボックスでこの証明書を信頼しました。もう一度テストしています...</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Connector</name>
    <message numerus="yes">
        <source>%n message(s) could not be routed and were put in Failed Mail.</source>
        <translation>
            <numerusform>%n 通のメッセージを配信先に振り分けられず、Failed Mail に移しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were rejected by the local mail server and put in BadMail.</source>
        <translation>
            <numerusform>%n 通のメッセージがローカル メール サーバーに拒否され、BadMail に移しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connector stopped.</source>
        <translation>コネクタを停止しました。</translation>
    </message>
    <message>
        <source>The spool cannot be used: %1.</source>
        <translation>スプールを使えません: %1。</translation>
    </message>
    <message numerus="yes">
        <source>The connector started with %n mailbox(es); spool %1.</source>
        <translation>
            <numerusform>コネクタを開始しました (メールボックス %n 個、スプール %1)。</numerusform>
        </translation>
    </message>
    <message>
        <source>A retrieval cycle is still running; the next one starts when it ends.</source>
        <translation>取得サイクルがまだ実行中です。終わりしだい次のサイクルを開始します。</translation>
    </message>
    <message>
        <source>Retrieval cycle started.</source>
        <translation>取得サイクルを開始しました。</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was started.</source>
        <translation>ローカル メール サーバーへの配信を開始しました。</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped; mail collects in PickUp.</source>
        <translation>ローカル メール サーバーへの配信を停止しました。メールは PickUp にたまります。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) and folder(s) of the spool %1 could be read by other users; they are private to the service user now.</source>
        <translation>
            <numerusform>スプール %1 で他のユーザーが読める状態だったファイルとフォルダー %n 個を、サービス ユーザー専用にしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cycle finished: %1, %2 failed, %3, %4 delivered.</source>
        <translation>サイクル終了: %1、失敗 %2 個、%3、配信 %4 通。</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es)</source>
        <translation>
            <numerusform>メールボックス %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>新着 %n 通</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control</name>
    <message>
        <source>Start it with: systemctl start pop3connectord</source>
        <translation>次のコマンドで開始してください: systemctl start pop3connectord</translation>
    </message>
    <message>
        <source>Start it with: pop3connectord --config %1</source>
        <translation>次のコマンドで開始してください: pop3connectord --config %1</translation>
    </message>
    <message>
        <source>user %1 (uid %2, process %3)</source>
        <translation>ユーザー %1 (uid %2、プロセス %3)</translation>
    </message>
    <message>
        <source>the credentials of a control connection cannot be read: %1</source>
        <translation>制御接続の資格情報を読み取れません: %1</translation>
    </message>
    <message>
        <source>not a control message: %1</source>
        <translation>制御メッセージではありません: %1</translation>
    </message>
    <message>
        <source>a frame of %1 bytes is larger than the %2 allowed</source>
        <translation>%1 バイトのフレームは、許容される %2 バイトを超えています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Client</name>
    <message>
        <source>the service on %1 did not say hello within %2 seconds</source>
        <translation>%1 のサービスが %2 秒以内に hello を送ってきませんでした</translation>
    </message>
    <message>
        <source>the control connection was replaced</source>
        <translation>制御接続が新しい接続に置き換えられました</translation>
    </message>
    <message>
        <source>the service closed the control connection</source>
        <translation>サービスが制御接続を閉じました</translation>
    </message>
    <message>
        <source>no service answers on %1</source>
        <translation>%1 で応答するサービスがありません</translation>
    </message>
    <message>
        <source>this user may not use the control socket %1; the service&apos;s administrators are root, its own user and the members of its group (adduser USER pop3connector, then log in again)</source>
        <translation>このユーザーは制御ソケット %1 を使用できません。サービスを管理できるのは root、サービス自身のユーザー、サービスのグループのメンバーです (adduser ユーザー pop3connector を実行し、ログインし直してください)</translation>
    </message>
    <message>
        <source>the control connection to %1 failed: %2</source>
        <translation>%1 への制御接続に失敗しました: %2</translation>
    </message>
    <message>
        <source>the control connection was closed</source>
        <translation>制御接続が閉じられました</translation>
    </message>
    <message>
        <source>the service sent what is not a control message: %1</source>
        <translation>サービスが制御メッセージではないものを送ってきました: %1</translation>
    </message>
    <message>
        <source>the service did not open with its hello</source>
        <translation>サービスが最初に hello を送ってきませんでした</translation>
    </message>
    <message>
        <source>the service sent a message out of turn</source>
        <translation>サービスが想定外の順序でメッセージを送ってきました</translation>
    </message>
    <message>
        <source>the service did not answer %1 within %2 seconds</source>
        <translation>サービスが %2 秒以内に %1 に応答しませんでした</translation>
    </message>
    <message>
        <source>not connected to the service</source>
        <translation>サービスに接続していません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Server</name>
    <message>
        <source>the control socket path %1 is longer than a socket path may be; set a shorter [connector] control_socket</source>
        <translation>制御ソケットのパス %1 がソケット パスの上限より長くなっています。[connector] の control_socket に短いパスを設定してください</translation>
    </message>
    <message>
        <source>another service answers on the control socket %1; stop it, or give this configuration a control_socket of its own</source>
        <translation>制御ソケット %1 では別のサービスが応答しています。そちらを停止するか、この構成に専用の control_socket を指定してください</translation>
    </message>
    <message>
        <source>cannot create the control socket %1: %2</source>
        <translation>制御ソケット %1 を作成できません: %2</translation>
    </message>
    <message>
        <source>%1 may not administer this service; root, the service&apos;s own user and members of the group %2 may (adduser USER %2, then log in again)</source>
        <translation>%1 にはこのサービスを管理する権限がありません。管理できるのは root、サービス自身のユーザー、グループ %2 のメンバーです (adduser ユーザー %2 を実行し、ログインし直してください)</translation>
    </message>
    <message>
        <source>the service has %1 control connections open, as many as it takes; close some</source>
        <translation>サービスの制御接続が上限の %1 件に達しています。いくつか閉じてください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Control::Session</name>
    <message>
        <source>no hello within %1 seconds; a client opens with hello</source>
        <translation>%1 秒以内に hello がありませんでした。クライアントは最初に hello を送る必要があります</translation>
    </message>
    <message>
        <source>a frame begun was not finished within %1 seconds</source>
        <translation>送信が始まったフレームが %1 秒以内に完了しませんでした</translation>
    </message>
    <message>
        <source>the first message must be a hello with the version</source>
        <translation>最初のメッセージは、バージョンを含む hello でなければなりません</translation>
    </message>
    <message>
        <source>this service speaks version %1 of the control protocol, the client %2; use the pop3connectorctl and manager of the service&apos;s own version</source>
        <translation>このサービスの制御プロトコルはバージョン %1、クライアントはバージョン %2 です。サービスと同じバージョンの pop3connectorctl とマネージャーを使ってください</translation>
    </message>
    <message>
        <source>a client says hello once; after it, it sends requests only</source>
        <translation>クライアントが hello を送るのは 1 回だけです。その後は要求だけを送ります</translation>
    </message>
    <message>
        <source>after the hello a client sends requests only, never a reply, a notification or an error</source>
        <translation>hello の後、クライアントが送れるのは要求だけです。応答、通知、エラーは送れません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ControlService</name>
    <message>
        <source>The control channel refused %1: only root, the service&apos;s user and members of the group %2 may administer the service.</source>
        <translation>制御チャネルが %1 を拒否しました: サービスを管理できるのは root、サービスのユーザー、グループ %2 のメンバーだけです。</translation>
    </message>
    <message>
        <source>The control connection of %1 was closed: %2 KB of notifications were waiting unread.</source>
        <translation>%1 の制御接続を閉じました: 未読の通知が %2 KB たまっていました。</translation>
    </message>
    <message>
        <source>The new configuration could not be applied: %1 The service goes on with the previous one.</source>
        <translation>新しい構成を適用できませんでした: %1 サービスは以前の構成で動作を続けます。</translation>
    </message>
    <message>
        <source>this service has no method &quot;%1&quot;; it speaks version %2 of the control protocol</source>
        <translation>このサービスにはメソッド「%1」がありません。このサービスの制御プロトコルはバージョン %2 です</translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation>構成にメールボックス %1 がありません</translation>
    </message>
    <message>
        <source>mailbox %1 is disabled (enabled = false)</source>
        <translation>メールボックス %1 は無効になっています (enabled = false)</translation>
    </message>
    <message>
        <source>delivery takes enabled: true or false</source>
        <translation>delivery には enabled: true または false を指定してください</translation>
    </message>
    <message>
        <source>setConfiguration takes the whole INI file as text, at most %1 KB</source>
        <translation>setConfiguration には INI ファイル全体をテキストで指定してください (最大 %1 KB)</translation>
    </message>
    <message>
        <source>The configuration %1 was changed by %2</source>
        <translation>構成 %1 が %2 によって変更されました</translation>
    </message>
    <message>
        <source>; it applies now.</source>
        <translation>。すぐに適用されます。</translation>
    </message>
    <message>
        <source>; it applies when the running cycle ends.</source>
        <translation>。実行中のサイクルが終わってから適用されます。</translation>
    </message>
    <message>
        <source>Restart the service to apply: %1.</source>
        <translation>次の設定の適用にはサービスの再起動が必要です: %1。</translation>
    </message>
    <message>
        <source>there is no topic &quot;%1&quot;; the topics are %2</source>
        <translation>トピック「%1」はありません。トピックは %2 です</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::CredentialResolver</name>
    <message>
        <source>no password is stored for mailbox %1; store it in the manager or with: pop3connectord --set-password %1</source>
        <translation>メールボックス %1 のパスワードが保存されていません。マネージャーで保存するか、次のコマンドで保存してください: pop3connectord --set-password %1</translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set password_file for mailbox %2</source>
        <translation>システムのキーチェーンを使えません (%1)。ロックを解除するか、メールボックス %2 に password_file を設定してください</translation>
    </message>
    <message>
        <source>no password is stored for the delivery user; store it with: pop3connectord --set-password delivery</source>
        <translation>配信ユーザーのパスワードが保存されていません。次のコマンドで保存してください: pop3connectord --set-password delivery</translation>
    </message>
    <message>
        <source>the system keychain cannot be used (%1); unlock it, or set [delivery] password_file</source>
        <translation>システムのキーチェーンを使えません (%1)。ロックを解除するか、[delivery] の password_file を設定してください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryChecks</name>
    <message>
        <source>the local mailbox of %1</source>
        <translation>%1 のローカル メールボックス</translation>
    </message>
    <message>
        <source>a rule of %1 (%2)</source>
        <translation>%1 のルール (%2)</translation>
    </message>
    <message>
        <source>the undeliverable mailbox</source>
        <translation>配信不能メールボックス</translation>
    </message>
    <message>
        <source>No undeliverable mailbox is set</source>
        <translation>配信不能メールボックスが設定されていません</translation>
    </message>
    <message>
        <source>Set undeliverable_mailbox in [connector]: mail for an unknown recipient then reaches a person instead of waiting in BadMail.</source>
        <translation>[connector] に undeliverable_mailbox を設定してください。不明な受信者宛てのメールが BadMail にたまらず、担当者に届くようになります。</translation>
    </message>
    <message>
        <source>Undeliverable mail goes to %1</source>
        <translation>配信できないメールは %1 に送られます</translation>
    </message>
    <message>
        <source>The local mail server refused the connection on %1</source>
        <translation>ローカル メール サーバーが %1 への接続を拒否しました</translation>
    </message>
    <message>
        <source>The local mail server cannot be reached on %1</source>
        <translation>ローカル メール サーバーに %1 で接続できません</translation>
    </message>
    <message>
        <source>Start the local mail server, or check host, port and transport in [delivery] (%1 on port %2). Mail waits in PickUp meanwhile.</source>
        <translation>ローカル メール サーバーを起動するか、[delivery] の host、port、transport (ポート %2 の %1) を確認してください。それまでメールは PickUp で待機します。</translation>
    </message>
    <message>
        <source>Connected to the local mail server on %1</source>
        <translation>ローカル メール サーバーに %1 で接続しました</translation>
    </message>
    <message>
        <source>The local mail server did not greet</source>
        <translation>ローカル メール サーバーから応答メッセージ (グリーティング) がありません</translation>
    </message>
    <message>
        <source>Look at the local mail server&apos;s log: it refuses connections from this host.</source>
        <translation>ローカル メール サーバーのログを確認してください。このホストからの接続を拒否しています。</translation>
    </message>
    <message>
        <source>The local mail server refused %1</source>
        <translation>ローカル メール サーバーが %1 を拒否しました</translation>
    </message>
    <message>
        <source>The server does not speak LMTP on this port: check transport and port.</source>
        <translation>このポートのサーバーは LMTP に対応していません。transport と port を確認してください。</translation>
    </message>
    <message>
        <source>The server does not speak SMTP on this port: check transport and port.</source>
        <translation>このポートのサーバーは SMTP に対応していません。transport と port を確認してください。</translation>
    </message>
    <message>
        <source>The local mail server answers %1</source>
        <translation>ローカル メール サーバーが %1 に応答しました</translation>
    </message>
    <message>
        <source>STARTTLS failed</source>
        <translation>STARTTLS に失敗しました</translation>
    </message>
    <message>
        <source>Check the local server&apos;s certificate, or name its CA in [delivery] ca_file.</source>
        <translation>ローカル サーバーの証明書を確認するか、その CA を [delivery] の ca_file に指定してください。</translation>
    </message>
    <message>
        <source>The local server does not offer STARTTLS: enable TLS there, or set security = none for a server on this machine.</source>
        <translation>ローカル サーバーが STARTTLS を提供していません。サーバー側で TLS を有効にするか、このコンピューター上のサーバーなら security = none にしてください。</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>The local mail server refused the login of %1</source>
        <translation>ローカル メール サーバーが %1 のログインを拒否しました</translation>
    </message>
    <message>
        <source>Check user and password in [delivery]; store the password with pop3connectorctl set-password delivery.</source>
        <translation>[delivery] の user とパスワードを確認してください。パスワードは pop3connectorctl set-password delivery で保存できます。</translation>
    </message>
    <message>
        <source>Logged in as %1</source>
        <translation>%1 としてログインしました</translation>
    </message>
    <message>
        <source>The local mail server refused MAIL FROM</source>
        <translation>ローカル メール サーバーが MAIL FROM を拒否しました</translation>
    </message>
    <message>
        <source>Look at the local mail server&apos;s log; it must accept mail with an empty sender (&lt;&gt;) from this host.</source>
        <translation>ローカル メール サーバーのログを確認してください。このホストからの空の送信者 (&lt;&gt;) のメールを受け付ける必要があります。</translation>
    </message>
    <message>
        <source>%1 could not be checked</source>
        <translation>%1 を確認できませんでした</translation>
    </message>
    <message>
        <source>The connection ended first; see the failure above.</source>
        <translation>確認の前に接続が終了しました。上の失敗を参照してください。</translation>
    </message>
    <message>
        <source>%1 is accepted</source>
        <translation>%1 は受け付けられます</translation>
    </message>
    <message>
        <source>The mailbox %1 is full</source>
        <translation>メールボックス %1 がいっぱいです</translation>
    </message>
    <message>
        <source>A quota problem at the local mail server: empty the mailbox or raise its quota. Mail for it waits in PickUp (and goes to Failed Mail if it lasts).</source>
        <translation>ローカル メール サーバーのクォータの問題です。メールボックスを空けるか、クォータを引き上げてください。この宛先のメールは PickUp で待機します (長引くと Failed Mail に移ります)。</translation>
    </message>
    <message>
        <source>%1 is deferred</source>
        <translation>%1 は保留されました</translation>
    </message>
    <message>
        <source>The local mail server cannot take mail for it right now; see its log.</source>
        <translation>ローカル メール サーバーは現在この宛先のメールを受け取れません。サーバーのログを確認してください。</translation>
    </message>
    <message>
        <source>%1 is rejected</source>
        <translation>%1 は拒否されました</translation>
    </message>
    <message>
        <source>Create the mailbox at the local mail server, or correct the address in the configuration; mail for it goes to Failed Mail.</source>
        <translation>ローカル メール サーバーにメールボックスを作成するか、構成のアドレスを修正してください。この宛先のメールは Failed Mail に移ります。</translation>
    </message>
    <message>
        <source>%1 is a pattern; it is checked as mail arrives</source>
        <translation>%1 はパターンのため、メールが届いたときに確認されます</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryDialog</name>
    <message>
        <source>Delivery and spool</source>
        <translation>配信とスプール</translation>
    </message>
    <message>
        <source>&amp;Undeliverable mail to:</source>
        <translation>配信不能メールの宛先(&amp;U):</translation>
    </message>
    <message>
        <source>The undeliverable-mail mailbox: %1</source>
        <translation>配信不能メールボックス: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryForm</name>
    <message>
        <source>S&amp;pool folder:</source>
        <translation>スプール フォルダー(&amp;P):</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>参照(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Deliver by:</source>
        <translation>配信方法(&amp;D):</translation>
    </message>
    <message>
        <source>SMTP to the office mail server</source>
        <translation>社内メール サーバーへ SMTP で配信</translation>
    </message>
    <message>
        <source>LMTP to the office mail server</source>
        <translation>社内メール サーバーへ LMTP で配信</translation>
    </message>
    <message>
        <source>PickUp folder only (another MTA reads it)</source>
        <translation>PickUp フォルダーのみ (別の MTA が読み取る)</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>サーバー(&amp;V):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>セキュリティ(&amp;Y):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Co&amp;nnections at once:</source>
        <translation>同時接続数(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Login (only if the server asks):</source>
        <translation>ログイン名 (サーバーが求める場合のみ)(&amp;L):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>空欄なら保存済みのパスワードを使います</translation>
    </message>
    <message>
        <source>Mail waits in %1 until the server takes it.</source>
        <translation>メールはサーバーが受け取るまで %1 で待機します。</translation>
    </message>
    <message>
        <source>Mail is left in %1 for another mail server to take; the connector delivers nothing itself.</source>
        <translation>メールは %1 に置かれ、別のメール サーバーが取り込みます。コネクタ自身は配信しません。</translation>
    </message>
    <message>
        <source>Spool folder</source>
        <translation>スプール フォルダー</translation>
    </message>
    <message>
        <source>Enter the spool folder.</source>
        <translation>スプール フォルダーを入力してください。</translation>
    </message>
    <message>
        <source>Enter the office mail server.</source>
        <translation>社内メール サーバーを入力してください。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryProbe</name>
    <message>
        <source>STARTTLS is not offered</source>
        <translation>STARTTLS が提供されていません</translation>
    </message>
    <message>
        <source>no password is stored for delivery</source>
        <translation>配信用のパスワードが保存されていません</translation>
    </message>
    <message>
        <source>no authentication the connector knows is offered (%1)</source>
        <translation>コネクターが対応する認証方式が提供されていません (%1)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliverySession</name>
    <message>
        <source>delivery was cancelled</source>
        <translation>配信を取り消しました</translation>
    </message>
    <message numerus="yes">
        <source>Delivery to the local mail server failed: %1. %n message(s) wait in PickUp.</source>
        <translation>
            <numerusform>ローカル メール サーバーへの配信に失敗しました: %1。%n 通のメッセージが PickUp で待機しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused %2: %3</source>
        <translation>%1 が %2 を拒否しました: %3</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS, which [delivery] security requires</source>
        <translation>%1 は STARTTLS を提供していませんが、[delivery] の security で必須になっています</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS: %2</source>
        <translation>%1 が STARTTLS を拒否しました: %2</translation>
    </message>
    <message>
        <source>%1 port %2: %3</source>
        <translation>%1 ポート %2: %3</translation>
    </message>
    <message>
        <source>%1 offers no authentication the connector knows (%2)</source>
        <translation>%1 は、コネクタが対応している認証方式 (%2) をどれも提供していません</translation>
    </message>
    <message>
        <source>%1 refused the login of %2: %3</source>
        <translation>%1 が %2 のログインを拒否しました: %3</translation>
    </message>
    <message>
        <source>Delivery: %1 message(s) delivered, %2 deferred, %3 to BadMail, %4 waiting.</source>
        <translation>配信: 配信 %1 通、保留 %2 通、BadMail %3 通、待機 %4 通。</translation>
    </message>
    <message>
        <source>%1 does not offer %2 (auth = %3)</source>
        <translation>%1 は %2 に対応していません (auth = %3)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryTest</name>
    <message>
        <source>transport &quot;%1&quot; is not one of smtp, lmtp, pickup</source>
        <translation>transport &quot;%1&quot; は smtp、lmtp、pickup のいずれでもありません</translation>
    </message>
    <message>
        <source>security &quot;%1&quot; is not one of none, starttls, tls</source>
        <translation>security &quot;%1&quot; は none、starttls、tls のいずれでもありません</translation>
    </message>
    <message>
        <source>host is empty; name the office mail server</source>
        <translation>host が空です。社内メール サーバーを指定してください</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; is not a host name or address</source>
        <translation>host &quot;%1&quot; はホスト名でもアドレスでもありません</translation>
    </message>
    <message>
        <source>port must be 1 to 65535</source>
        <translation>port は 1 から 65535 で指定してください</translation>
    </message>
    <message>
        <source>password must be text</source>
        <translation>password はテキストで指定してください</translation>
    </message>
    <message>
        <source>at most %1 recipients are tried at once</source>
        <translation>一度に試せる宛先は %1 件までです</translation>
    </message>
    <message>
        <source>recipient %1: %2</source>
        <translation>宛先 %1: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DeliveryTestPanel</name>
    <message>
        <source>Addresses to &amp;check:</source>
        <translation>確認するアドレス(&amp;C):</translation>
    </message>
    <message>
        <source>Local addresses the server is asked to accept (RCPT TO), comma-separated; no message is sent.</source>
        <translation>サーバーに受け付けを確認するローカル アドレス (RCPT TO) をコンマ区切りで入力します。メッセージは送信されません。</translation>
    </message>
    <message>
        <source>Addresses to check</source>
        <translation>確認するアドレス</translation>
    </message>
    <message>
        <source>&amp;Test delivery</source>
        <translation>配信テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Delivery test transcript</source>
        <translation>配信テストの通信記録</translation>
    </message>
    <message>
        <source>The settings changed since the last test.</source>
        <translation>前回のテスト以降に設定が変更されました。</translation>
    </message>
    <message>
        <source>Testing delivery...</source>
        <translation>配信をテストしています...</translation>
    </message>
    <message>
        <source>The test could not run: %1</source>
        <translation>テストを実行できませんでした: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>対処: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Delivery works: the server answered and took every address checked. No message was sent.</source>
        <translation>配信できます: サーバーが応答し、確認したすべてのアドレスを受け付けました。メッセージは送信していません。</translation>
    </message>
    <message>
        <source>Delivery does not work yet: %1</source>
        <translation>まだ配信できません: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosisText</name>
    <message>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <source>Spool</source>
        <translation>スプール</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>対処:</translation>
    </message>
    <message>
        <source>Transcript:</source>
        <translation>通信記録:</translation>
    </message>
    <message>
        <source>Result: %1 (%2 passed, %3 warning(s), %4 failed)</source>
        <translation>結果: %1 (合格 %2、警告 %3、失敗 %4)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosisView</name>
    <message>
        <source>Run diagnostics</source>
        <translation>診断を実行</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>エクスポート...</translation>
    </message>
    <message>
        <source>Save the report as a text file, to send it to whoever helps you</source>
        <translation>レポートをテキスト ファイルに保存します (サポート担当者に送るときなどに)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック項目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>The service checks its mailboxes, spool, delivery and configuration, and says what to do about what it finds.</source>
        <translation>サービスがメールボックス、スプール、配信、構成を点検し、見つかった問題への対処を示します。</translation>
    </message>
    <message>
        <source>The connector is not running (%1), so it cannot run the checks. %2</source>
        <translation>コネクタが動作していないため (%1)、診断を実行できません。%2</translation>
    </message>
    <message>
        <source>The checks could not be run: %1</source>
        <translation>診断を実行できませんでした: %1</translation>
    </message>
    <message>
        <source>Running the checks... %1 s. Each server can take up to 20 seconds a step; the manager stays usable meanwhile.</source>
        <translation>診断を実行中... %1 秒。サーバーごとに 1 段階あたり最大 20 秒かかることがあります。その間もマネージャーは操作できます。</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Download (mailboxes)</source>
        <translation>ダウンロード (メールボックス)</translation>
    </message>
    <message>
        <source>Transfer (spool)</source>
        <translation>転送 (スプール)</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>根拠:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>対処:</translation>
    </message>
    <message>
        <source>Conversation with the server</source>
        <translation>サーバーとの通信記録</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n check(s) failed; the stage marked ✖ is where mail stops.</source>
        <translation>
            <numerusform>%1: %n 件のチェックが失敗しました。✖ の段階でメールが止まっています。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: no check failed; %n warning(s) to look at.</source>
        <translation>
            <numerusform>%1: 失敗したチェックはありません。確認が必要な警告が %n 件あります。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: every check passed.</source>
        <translation>%1: すべてのチェックに合格しました。</translation>
    </message>
    <message>
        <source>POP3 Connector diagnostics, %1 to %2</source>
        <translation>POP3 コネクタ診断 (%1 - %2)</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>構成: %1</translation>
    </message>
    <message>
        <source>Service: pid %1, user %2, version %3</source>
        <translation>サービス: PID %1、ユーザー %2、バージョン %3</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>レポートを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Report saved in %1.</source>
        <translation>レポートを %1 に保存しました。</translation>
    </message>
    <message>
        <source>Diagnostics findings</source>
        <translation>診断結果</translation>
    </message>
    <message>
        <source>Every check of the troubleshooter by stage, each with its result; expand one for its evidence and what to do.</source>
        <translation>トラブルシューティングの各チェックを段階ごとに結果とともに示します。展開すると根拠と対処が表示されます。</translation>
    </message>
    <message>
        <source>Selected finding</source>
        <translation>選択したチェック結果</translation>
    </message>
    <message>
        <source>The chosen finding in full: its result, evidence and what to do.</source>
        <translation>選択したチェック結果の全文: 結果、根拠、対処。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DiagnosticRequests</name>
    <message>
        <source>the configuration has no mailbox %1</source>
        <translation>構成にメールボックス %1 がありません</translation>
    </message>
    <message>
        <source>Delivery is left to another mail server (transport = pickup)</source>
        <translation>配信は別のメール サーバーに任されています (transport = pickup)</translation>
    </message>
    <message>
        <source>an address given to try</source>
        <translation>テスト用に指定されたアドレス</translation>
    </message>
    <message>
        <source>the last connection test of %1 presented no such certificate; test the connection again</source>
        <translation>%1 の前回の接続テストでは、そのような証明書は提示されていません。もう一度接続テストを行ってください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DownloadStage</name>
    <message>
        <source>Not retrieved: the connector was stopped.</source>
        <translation>取得していません: コネクタが停止されました。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::DurableFs</name>
    <message>
        <source>cannot create</source>
        <translation>作成できません</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <source>cannot protect</source>
        <translation>権限を設定できません</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>読めません</translation>
    </message>
    <message>
        <source>cannot remove</source>
        <translation>削除できません</translation>
    </message>
    <message>
        <source>cannot rename</source>
        <translation>名前を変更できません</translation>
    </message>
    <message>
        <source>cannot sync</source>
        <translation>ディスクに同期できません</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>書き込めません</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder</source>
        <translation>%1 は存在しますが、フォルダーではありません</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 が %2 バイトを超えています</translation>
    </message>
    <message>
        <source>%1 holds %2 bytes on disk, but %3 were written</source>
        <translation>%1 はディスク上で %2 バイトですが、書き込んだのは %3 バイトです</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>シンボリック リンクです</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 は通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot write to</source>
        <translation>書き込めません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventLog</name>
    <message>
        <source>cannot write the event log %1: %2</source>
        <translation>イベント ログ %1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::EventModel</name>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Events</name>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>転送</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>構成</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Connector started</source>
        <translation>コネクタ開始</translation>
    </message>
    <message>
        <source>The connector started and will retrieve mail on its schedule.</source>
        <translation>コネクタが開始し、スケジュールに従ってメールを取得します。</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>対処は不要です。</translation>
    </message>
    <message>
        <source>Connector stopped</source>
        <translation>コネクタ停止中</translation>
    </message>
    <message>
        <source>The connector was stopped; no mail is retrieved until it starts.</source>
        <translation>コネクタが停止しました。開始するまでメールは取得されません。</translation>
    </message>
    <message>
        <source>Start the connector again when mail should flow.</source>
        <translation>メールを流すときはコネクタを再び開始してください。</translation>
    </message>
    <message>
        <source>Spool in use by another connector</source>
        <translation>スプールが別のコネクタで使用中</translation>
    </message>
    <message>
        <source>Another connector process works on the same spool folder; two at once could retrieve the same message twice, so this one does not start.</source>
        <translation>別のコネクタ プロセスが同じスプール フォルダーを使っています。2 つ同時に動くと同じメッセージを二重に取得するおそれがあるため、こちらは開始しません。</translation>
    </message>
    <message>
        <source>Stop the other process (its process id is in the text), or give this one its own spool folder in the configuration.</source>
        <translation>もう一方のプロセス (プロセス ID は本文にあります) を停止するか、構成でこちらに別のスプール フォルダーを指定してください。</translation>
    </message>
    <message>
        <source>Spool recovered after an interruption</source>
        <translation>中断後にスプールを復旧</translation>
    </message>
    <message>
        <source>The previous run ended without finishing (a crash, a power cut or a kill). Messages that were safely stored were moved into place; incomplete temporary files were removed and those messages, still on the server, will be retrieved again.</source>
        <translation>前回の実行が完了せずに終わりました (異常終了、停電、強制終了)。安全に保存済みのメッセージは所定の場所に移し、不完全な一時ファイルは削除しました。それらのメッセージはサーバーに残っているので、もう一度取得されます。</translation>
    </message>
    <message>
        <source>Nothing to do; no mail was lost. If this repeats, find out why the connector stops (system log, out of memory, disk).</source>
        <translation>対処は不要です。メールは失われていません。繰り返し起きる場合は、コネクタが止まる原因 (システム ログ、メモリー不足、ディスク) を調べてください。</translation>
    </message>
    <message>
        <source>Spool folder cannot be used</source>
        <translation>スプール フォルダーを使用できない</translation>
    </message>
    <message>
        <source>A spool folder could not be created or written.</source>
        <translation>スプール フォルダーを作成できないか、書き込めません。</translation>
    </message>
    <message>
        <source>Check that the spool path in the configuration exists, that the connector&apos;s user may write it, and that the disk is not full.</source>
        <translation>構成のスプール パスが存在すること、コネクタのユーザーが書き込めること、ディスクがいっぱいでないことを確認してください。</translation>
    </message>
    <message>
        <source>Retrieval cycle started</source>
        <translation>取得サイクル開始</translation>
    </message>
    <message>
        <source>A scheduled or manual retrieval cycle began.</source>
        <translation>スケジュールまたは手動の取得サイクルが始まりました。</translation>
    </message>
    <message>
        <source>Retrieval cycle finished</source>
        <translation>取得サイクル終了</translation>
    </message>
    <message>
        <source>A retrieval cycle ended; the text counts mailboxes, messages and failures.</source>
        <translation>取得サイクルが終わりました。本文にメールボックス、メッセージ、失敗の数があります。</translation>
    </message>
    <message>
        <source>If mailboxes failed, see their own events for the reason.</source>
        <translation>失敗したメールボックスがあれば、それぞれのイベントで理由を確認してください。</translation>
    </message>
    <message>
        <source>Retrieval cycle deferred</source>
        <translation>取得サイクルの延期</translation>
    </message>
    <message>
        <source>The scheduled time came while the previous cycle was still running; cycles never overlap, so the next one starts when the current one ends.</source>
        <translation>前のサイクルの実行中に予定時刻になりました。サイクルは重ならないため、現在のサイクルが終わってから次を開始します。</translation>
    </message>
    <message>
        <source>If this happens often, make the interval longer or lower the per-cycle message cap.</source>
        <translation>頻繁に起きる場合は、間隔を長くするか、1 サイクルあたりのメッセージ数の上限を下げてください。</translation>
    </message>
    <message>
        <source>Transfer finished</source>
        <translation>転送終了</translation>
    </message>
    <message>
        <source>If messages went to Failed Mail, see their events and the Spool tab.</source>
        <translation>Failed Mail に移ったメッセージがあれば、そのイベントと [スプール] タブを確認してください。</translation>
    </message>
    <message>
        <source>Message routed</source>
        <translation>メッセージの振り分け</translation>
    </message>
    <message>
        <source>A message was given its local recipients and put in PickUp.</source>
        <translation>メッセージにローカルの受信者を割り当てて PickUp に移しました。</translation>
    </message>
    <message>
        <source>Mail loop detected</source>
        <translation>メール ループを検出</translation>
    </message>
    <message>
        <source>The message already carries this connector&apos;s trace line several times: it is going round between the provider and the office (for example a forward back to the POP3 mailbox). It was put in Failed Mail instead of being delivered again.</source>
        <translation>このメッセージには、このコネクタのトレース行がすでに何度も付いています。プロバイダーと社内の間を回り続けています (たとえば POP3 メールボックスへ転送し返している)。再び配信せずに Failed Mail に移しました。</translation>
    </message>
    <message>
        <source>Remove the forwarding that sends mail back to the provider&apos;s mailbox, then requeue or delete the message in the Spool tab.</source>
        <translation>プロバイダーのメールボックスへメールを送り返している転送設定を外し、[スプール] タブでメッセージを再処理するか削除してください。</translation>
    </message>
    <message>
        <source>Duplicate not delivered again</source>
        <translation>重複メッセージを再配信せず</translation>
    </message>
    <message>
        <source>The same message (same Message-ID and same body) was already delivered to this local mailbox, for example because the provider&apos;s catch-all mailbox received one copy per recipient.</source>
        <translation>同じメッセージ (Message-ID も本文も同じ) がすでにこのローカル メールボックスに配信されています。たとえばプロバイダーのキャッチオール メールボックスが受信者ごとにコピーを受け取った場合です。</translation>
    </message>
    <message>
        <source>Error taking mail from the incoming queue</source>
        <translation>受信キューからメールを取り出す際のエラー</translation>
    </message>
    <message>
        <source>A message in Incoming Mail could not be read or routed (unreadable file, mailbox no longer configured). It was moved to Failed Mail with the reason; the messages behind it went on.</source>
        <translation>Incoming Mail のメッセージを読めないか、振り分けられませんでした (読めないファイル、構成から削除されたメールボックス)。理由を付けて Failed Mail に移しました。後続のメッセージは処理を続けました。</translation>
    </message>
    <message>
        <source>Read the reason in the Spool tab, correct the configuration if needed, and requeue the message; or send it as an attachment to the undeliverable-mail mailbox.</source>
        <translation>[スプール] タブで理由を確認し、必要なら構成を直してからメッセージを再処理してください。または配信不能メール用メールボックスへ添付ファイルとして送ってください。</translation>
    </message>
    <message>
        <source>Delivery finished with errors</source>
        <translation>配信はエラーありで終了</translation>
    </message>
    <message>
        <source>Delivery to the local mail server ended, but one or more messages were deferred or rejected.</source>
        <translation>ローカル メール サーバーへの配信は終わりましたが、保留または拒否されたメッセージがあります。</translation>
    </message>
    <message>
        <source>See the events of those messages; rejected ones are in BadMail.</source>
        <translation>それらのメッセージのイベントを確認してください。拒否されたものは BadMail にあります。</translation>
    </message>
    <message>
        <source>Delivery finished</source>
        <translation>配信終了</translation>
    </message>
    <message>
        <source>Message delivered</source>
        <translation>メッセージ配信</translation>
    </message>
    <message>
        <source>The local mail server accepted a message.</source>
        <translation>ローカル メール サーバーがメッセージを受け付けました。</translation>
    </message>
    <message>
        <source>Local mail server unreachable</source>
        <translation>ローカル メール サーバーに接続できない</translation>
    </message>
    <message>
        <source>The connector could not connect to the local mail server. Mail waits in PickUp and is delivered when the server answers again; nothing is lost.</source>
        <translation>コネクタがローカル メール サーバーに接続できませんでした。メールは PickUp で待機し、サーバーが応答するようになれば配信されます。メールは失われません。</translation>
    </message>
    <message>
        <source>Start the local mail server, or correct [delivery] host and port.</source>
        <translation>ローカル メール サーバーを起動するか、[delivery] の host と port を直してください。</translation>
    </message>
    <message>
        <source>Delivery deferred</source>
        <translation>配信の保留</translation>
    </message>
    <message>
        <source>The local mail server answered with a temporary error (4xx). The message stays in PickUp and is tried again later, waiting longer each time.</source>
        <translation>ローカル メール サーバーが一時的なエラー (4xx) を返しました。メッセージは PickUp に残り、間隔を少しずつ延ばしながら再試行します。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it lasts, read the server&apos;s reply in the text.</source>
        <translation>一時的なものなら対処は不要です。続く場合は、本文にあるサーバーの応答を確認してください。</translation>
    </message>
    <message>
        <source>Delivery rejected</source>
        <translation>配信の拒否</translation>
    </message>
    <message>
        <source>The local mail server refused a message or a recipient for good (5xx). It was moved to BadMail with the server&apos;s reply; other recipients of the message were delivered.</source>
        <translation>ローカル メール サーバーがメッセージまたは受信者を恒久的に拒否しました (5xx)。サーバーの応答を付けて BadMail に移しました。同じメッセージの他の受信者には配信されました。</translation>
    </message>
    <message>
        <source>Correct the cause (unknown local user: fix the routing rule or create the mailbox), then requeue the message from BadMail.</source>
        <translation>原因を直してから (不明なローカル ユーザーなら、振り分けルールを直すかメールボックスを作成)、BadMail からメッセージを再処理してください。</translation>
    </message>
    <message>
        <source>Error talking to the local mail server</source>
        <translation>ローカル メール サーバーとの通信エラー</translation>
    </message>
    <message>
        <source>The session with the local mail server failed (TLS, authentication, an unexpected reply or a dropped connection). Mail waits in PickUp.</source>
        <translation>ローカル メール サーバーとのセッションが失敗しました (TLS、認証、予期しない応答、接続の切断)。メールは PickUp で待機しています。</translation>
    </message>
    <message>
        <source>Check [delivery] security, user and password, and the server&apos;s log.</source>
        <translation>[delivery] の security、user、パスワードと、サーバーのログを確認してください。</translation>
    </message>
    <message>
        <source>Delivery given up</source>
        <translation>配信の断念</translation>
    </message>
    <message>
        <source>A message was deferred by the local mail server for two days. It was moved to BadMail with the last reply.</source>
        <translation>ローカル メール サーバーがメッセージを 2 日間保留し続けました。最後の応答を付けて BadMail に移しました。</translation>
    </message>
    <message>
        <source>Correct the cause, then requeue the message from BadMail.</source>
        <translation>原因を直してから、BadMail からメッセージを再処理してください。</translation>
    </message>
    <message>
        <source>Delivery stopped</source>
        <translation>配信停止</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped; retrieval goes on and mail collects in PickUp.</source>
        <translation>ローカル メール サーバーへの配信を停止しました。取得は続き、メールは PickUp にたまります。</translation>
    </message>
    <message>
        <source>Start delivery again when the test is done.</source>
        <translation>テストが終わったら配信を再開してください。</translation>
    </message>
    <message>
        <source>Delivery started</source>
        <translation>配信開始</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was started again.</source>
        <translation>ローカル メール サーバーへの配信を再開しました。</translation>
    </message>
    <message>
        <source>Message requeued</source>
        <translation>メッセージの再処理</translation>
    </message>
    <message>
        <source>An administrator put a message back into the pipeline (Failed Mail to Incoming Mail, BadMail to PickUp).</source>
        <translation>管理者がメッセージを処理の流れに戻しました (Failed Mail から Incoming Mail、BadMail から PickUp)。</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>メッセージ削除</translation>
    </message>
    <message>
        <source>An administrator deleted a message from the spool.</source>
        <translation>管理者がスプールからメッセージを削除しました。</translation>
    </message>
    <message>
        <source>Message sent as an attachment</source>
        <translation>メッセージを添付ファイルとして送信</translation>
    </message>
    <message>
        <source>A message that could not be delivered as it is was attached to a new message for the undeliverable-mail mailbox.</source>
        <translation>そのままでは配信できないメッセージを、配信不能メール用メールボックス宛ての新しいメッセージに添付しました。</translation>
    </message>
    <message>
        <source>No local recipient: sent to the undeliverable-mail mailbox</source>
        <translation>ローカルの受信者なし: 配信不能メール用メールボックスへ送信</translation>
    </message>
    <message>
        <source>If such mail should reach someone, add a routing rule for the address.</source>
        <translation>このようなメールを誰かに届けるべきなら、そのアドレスの振り分けルールを追加してください。</translation>
    </message>
    <message>
        <source>Not delivered: no local recipient</source>
        <translation>未配信: ローカルの受信者なし</translation>
    </message>
    <message>
        <source>No recipient of the message matched the routing rules and no undeliverable-mail mailbox is configured, so the message was put in Failed Mail.</source>
        <translation>メッセージのどの受信者も振り分けルールに一致せず、配信不能メール用メールボックスも設定されていないため、メッセージを Failed Mail に移しました。</translation>
    </message>
    <message>
        <source>Set undeliverable_mailbox, or add a routing rule, then requeue the message.</source>
        <translation>undeliverable_mailbox を設定するか振り分けルールを追加してから、メッセージを再処理してください。</translation>
    </message>
    <message>
        <source>Configuration error</source>
        <translation>構成エラー</translation>
    </message>
    <message>
        <source>A line of the configuration file has a value the connector cannot use.</source>
        <translation>構成ファイルに、コネクタが使えない値の行があります。</translation>
    </message>
    <message>
        <source>Correct the key named in the text (see docs/configuration.md) and start again.</source>
        <translation>本文に示したキーを直して (docs/configuration.md を参照)、もう一度開始してください。</translation>
    </message>
    <message>
        <source>Password not available</source>
        <translation>パスワードを取得できない</translation>
    </message>
    <message>
        <source>The mailbox password could not be read from the system keychain or password file.</source>
        <translation>メールボックスのパスワードをシステムのキーチェーンまたはパスワード ファイルから読めませんでした。</translation>
    </message>
    <message>
        <source>Store the password again (in the manager, or with pop3connectord --set-password MAILBOX), and check that the keychain is unlocked for the connector&apos;s user.</source>
        <translation>パスワードを保存し直し (マネージャーで、または pop3connectord --set-password メールボックス名 で)、コネクタのユーザーのキーチェーンがロック解除されていることを確認してください。</translation>
    </message>
    <message>
        <source>Password file readable by others</source>
        <translation>パスワード ファイルを他のユーザーが読める</translation>
    </message>
    <message>
        <source>The password file can be read by other users or is owned by another user, so the connector refuses to use it.</source>
        <translation>パスワード ファイルを他のユーザーが読めるか、所有者が別のユーザーのため、コネクタは使用を拒否します。</translation>
    </message>
    <message>
        <source>Run chmod 600 on the file and make the connector&apos;s user its owner.</source>
        <translation>ファイルに chmod 600 を実行し、コネクタのユーザーを所有者にしてください。</translation>
    </message>
    <message>
        <source>Password sent without encryption</source>
        <translation>パスワードを暗号化せずに送信</translation>
    </message>
    <message>
        <source>The mailbox is configured with security none, so its password crosses the network in clear text.</source>
        <translation>メールボックスのセキュリティが none (なし) のため、パスワードが平文でネットワークを流れます。</translation>
    </message>
    <message>
        <source>Use security tls (port 995) or starttls if the provider offers it.</source>
        <translation>プロバイダーが対応していれば、security を tls (ポート 995) か starttls にしてください。</translation>
    </message>
    <message>
        <source>Mailbox retrieval started</source>
        <translation>メールボックスの取得開始</translation>
    </message>
    <message>
        <source>The connector began retrieving a mailbox.</source>
        <translation>コネクタがメールボックスの取得を始めました。</translation>
    </message>
    <message>
        <source>Mailbox retrieval finished</source>
        <translation>メールボックスの取得終了</translation>
    </message>
    <message>
        <source>A mailbox was retrieved; the text counts the messages stored, deleted and left.</source>
        <translation>メールボックスを取得しました。本文に保存、削除、残したメッセージの数があります。</translation>
    </message>
    <message>
        <source>Message stored</source>
        <translation>メッセージ保存</translation>
    </message>
    <message>
        <source>A message was stored safely in the Incoming Mail folder.</source>
        <translation>メッセージを Incoming Mail フォルダーに安全に保存しました。</translation>
    </message>
    <message>
        <source>POP3 server not found</source>
        <translation>POP3 サーバーが見つからない</translation>
    </message>
    <message>
        <source>The server name could not be resolved.</source>
        <translation>サーバー名を名前解決できませんでした。</translation>
    </message>
    <message>
        <source>Check the server name in the mailbox settings and the machine&apos;s DNS settings.</source>
        <translation>メールボックス設定のサーバー名と、このコンピューターの DNS 設定を確認してください。</translation>
    </message>
    <message>
        <source>Cannot connect to the POP3 server</source>
        <translation>POP3 サーバーに接続できない</translation>
    </message>
    <message>
        <source>The connection was refused or the network could not reach the server.</source>
        <translation>接続が拒否されたか、ネットワークがサーバーに届きませんでした。</translation>
    </message>
    <message>
        <source>Check the server name and port (995 for TLS, 110 for plain or STLS), the firewall, and that the provider&apos;s server is up.</source>
        <translation>サーバー名とポート (TLS は 995、平文と STLS は 110)、ファイアウォール、プロバイダーのサーバーが動いているかを確認してください。</translation>
    </message>
    <message>
        <source>Server certificate not trusted</source>
        <translation>サーバー証明書を信頼できない</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not valid for this host name, has expired, or is not signed by a trusted authority. Nothing was sent.</source>
        <translation>サーバーの TLS 証明書がこのホスト名に対して無効か、期限切れか、信頼できる認証局の署名がありません。何も送信していません。</translation>
    </message>
    <message>
        <source>Check the server name. If the provider uses its own certificate, save it (or its CA) as a PEM file and set ca_file for the mailbox.</source>
        <translation>サーバー名を確認してください。プロバイダーが独自の証明書を使っている場合は、その証明書 (またはその CA) を PEM ファイルに保存し、メールボックスの ca_file に指定してください。</translation>
    </message>
    <message>
        <source>TLS negotiation failed</source>
        <translation>TLS のネゴシエーション失敗</translation>
    </message>
    <message>
        <source>A secure connection could not be negotiated; often the port expects another kind of security.</source>
        <translation>安全な接続を確立できませんでした。ポートが別の種類のセキュリティを前提としていることがよくあります。</translation>
    </message>
    <message>
        <source>Use port 995 with security tls, or port 110 with security starttls.</source>
        <translation>security tls ならポート 995、security starttls ならポート 110 を使ってください。</translation>
    </message>
    <message>
        <source>STLS not available</source>
        <translation>STLS を使用できない</translation>
    </message>
    <message>
        <source>The mailbox requires STLS but the server did not offer it or refused it. The password was not sent.</source>
        <translation>メールボックスは STLS を必須としていますが、サーバーが提供しないか拒否しました。パスワードは送信していません。</translation>
    </message>
    <message>
        <source>Use security tls on port 995 if the provider supports it. Choose security none only if the provider offers no encryption at all and the network is trusted.</source>
        <translation>プロバイダーが対応していれば、ポート 995 で security tls を使ってください。security none は、プロバイダーが暗号化をまったく提供せず、ネットワークが信頼できる場合にだけ選んでください。</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>ログイン失敗</translation>
    </message>
    <message>
        <source>The server rejected the user name or password.</source>
        <translation>サーバーがユーザー名またはパスワードを拒否しました。</translation>
    </message>
    <message>
        <source>Check the user name and store the password again. Some providers require an application password or enabling POP3 access in their web settings.</source>
        <translation>ユーザー名を確認し、パスワードを保存し直してください。プロバイダーによっては、アプリ パスワードや Web 設定での POP3 アクセスの有効化が必要です。</translation>
    </message>
    <message>
        <source>Mailbox busy; will retry</source>
        <translation>メールボックス使用中: 再試行します</translation>
    </message>
    <message>
        <source>The server says the mailbox is in use by another client, or that logins are allowed only every few minutes. This is not a password problem.</source>
        <translation>サーバーによると、メールボックスを別のクライアントが使用中か、ログインは数分に 1 回しか許されていません。パスワードの問題ではありません。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, stop other programs that read this mailbox or make the schedule interval longer than the server&apos;s login delay.</source>
        <translation>一時的なものなら対処は不要です。繰り返す場合は、このメールボックスを読む他のプログラムを止めるか、スケジュールの間隔をサーバーのログイン間隔より長くしてください。</translation>
    </message>
    <message>
        <source>Server temporarily unavailable</source>
        <translation>サーバーが一時的に利用できない</translation>
    </message>
    <message>
        <source>The server reported a temporary problem on its side (SYS/TEMP).</source>
        <translation>サーバーが自身の一時的な問題を報告しました (SYS/TEMP)。</translation>
    </message>
    <message>
        <source>Nothing to do; the next cycle retries. If it lasts, contact the provider.</source>
        <translation>対処は不要です。次のサイクルで再試行します。続く場合はプロバイダーに連絡してください。</translation>
    </message>
    <message>
        <source>Server refuses the mailbox</source>
        <translation>サーバーがメールボックスを拒否</translation>
    </message>
    <message>
        <source>The server reported a lasting problem with this mailbox (SYS/PERM), for example a locked account.</source>
        <translation>サーバーがこのメールボックスの恒久的な問題を報告しました (SYS/PERM)。たとえばアカウントのロックです。</translation>
    </message>
    <message>
        <source>Contact the provider with the server&apos;s text.</source>
        <translation>サーバーのメッセージを添えてプロバイダーに連絡してください。</translation>
    </message>
    <message>
        <source>Server stopped answering</source>
        <translation>サーバーが応答しない</translation>
    </message>
    <message>
        <source>Connection dropped</source>
        <translation>接続の切断</translation>
    </message>
    <message>
        <source>The connection closed while a reply was due. Messages already stored stay stored and are deleted from the server on the next cycle; nothing is retrieved twice.</source>
        <translation>応答を待っている間に接続が閉じられました。保存済みのメッセージはそのまま残り、次のサイクルでサーバーから削除されます。二重に取得されることはありません。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, check the network and the provider.</source>
        <translation>一時的なものなら対処は不要です。繰り返す場合は、ネットワークとプロバイダーを確認してください。</translation>
    </message>
    <message>
        <source>Server reply not understood</source>
        <translation>サーバーの応答を解釈できない</translation>
    </message>
    <message>
        <source>Check that the port belongs to a POP3 server. Turn the log level to Maximum to see the conversation and send it to the provider.</source>
        <translation>ポートが POP3 サーバーのものか確認してください。ログ レベルを [最大] にして通信内容を記録し、プロバイダーに送ってください。</translation>
    </message>
    <message>
        <source>Message left on server: too large</source>
        <translation>メッセージをサーバーに残しました: サイズ超過</translation>
    </message>
    <message>
        <source>Raise max_message_kb for the mailbox, or remove the message with the provider&apos;s webmail.</source>
        <translation>メールボックスの max_message_kb を大きくするか、プロバイダーの Web メールでメッセージを削除してください。</translation>
    </message>
    <message>
        <source>Message could not be retrieved</source>
        <translation>メッセージを取得できない</translation>
    </message>
    <message>
        <source>The server refused to send one message; the other messages were retrieved.</source>
        <translation>サーバーが 1 通のメッセージの送信を拒否しました。他のメッセージは取得しました。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes; the message stays on the server and is tried again.</source>
        <translation>一時的なものなら対処は不要です。メッセージはサーバーに残り、再試行されます。</translation>
    </message>
    <message>
        <source>Cannot store mail</source>
        <translation>メールを保存できない</translation>
    </message>
    <message>
        <source>Writing to the spool failed (disk full, no permission, or an I/O error). Retrieval stopped before deleting anything that is not stored; the mail stays on the server.</source>
        <translation>スプールへの書き込みに失敗しました (ディスクがいっぱい、権限がない、I/O エラー)。保存していないものを削除する前に取得を止めました。メールはサーバーに残っています。</translation>
    </message>
    <message>
        <source>Free disk space or fix the spool folder&apos;s permissions; the next cycle continues.</source>
        <translation>ディスクの空きを作るか、スプール フォルダーの権限を直してください。次のサイクルで続きを処理します。</translation>
    </message>
    <message>
        <source>Server deletes mail sooner than configured</source>
        <translation>サーバーが設定より早くメールを削除</translation>
    </message>
    <message>
        <source>The mailbox is set to leave mail on the server, but the server&apos;s EXPIRE policy deletes retrieved mail earlier.</source>
        <translation>メールボックスはサーバーにメールを残す設定ですが、サーバーの EXPIRE ポリシーは取得済みメールをそれより早く削除します。</translation>
    </message>
    <message>
        <source>Accept the provider&apos;s policy, or set delete_after_days no longer than the server&apos;s EXPIRE days.</source>
        <translation>プロバイダーのポリシーに従うか、delete_after_days をサーバーの EXPIRE の日数以下にしてください。</translation>
    </message>
    <message>
        <source>Server has no unique ids</source>
        <translation>サーバーに一意 ID がない</translation>
    </message>
    <message>
        <source>The server does not support UIDL, so the connector recognises messages it has already stored by a digest of their header and size.</source>
        <translation>サーバーが UIDL に対応していないため、コネクタは保存済みのメッセージをヘッダーのダイジェストとサイズで見分けます。</translation>
    </message>
    <message>
        <source>Nothing to do. With leave_on_server the messages are downloaded again each cycle and discarded; prefer deleting them.</source>
        <translation>対処は不要です。leave_on_server の場合、メッセージは毎サイクル再ダウンロードされて破棄されるので、削除する設定をお勧めします。</translation>
    </message>
    <message>
        <source>Backlog continues next cycle</source>
        <translation>残りは次のサイクルで処理</translation>
    </message>
    <message>
        <source>The mailbox holds more new messages than max_messages_per_cycle; the rest are retrieved in the following cycles.</source>
        <translation>メールボックスに max_messages_per_cycle を超える新着メッセージがあります。残りは次以降のサイクルで取得します。</translation>
    </message>
    <message>
        <source>Nothing to do. Raise max_messages_per_cycle to drain faster.</source>
        <translation>対処は不要です。早く処理するには max_messages_per_cycle を大きくしてください。</translation>
    </message>
    <message>
        <source>Retrieval cancelled</source>
        <translation>取得の取り消し</translation>
    </message>
    <message>
        <source>Retrieval was cancelled or the connector was stopped. Stored messages stay stored; the rest remain on the server.</source>
        <translation>取得が取り消されたか、コネクタが停止されました。保存済みのメッセージはそのまま残り、残りはサーバーにあります。</translation>
    </message>
    <message>
        <source>Deletion not confirmed by the server</source>
        <translation>サーバーが削除を確定しなかった</translation>
    </message>
    <message>
        <source>The server did not confirm QUIT, so by RFC 1939 it deleted nothing. The messages are stored; the next cycle deletes them without retrieving them again.</source>
        <translation>サーバーが QUIT を確定しなかったため、RFC 1939 によりサーバーは何も削除していません。メッセージは保存済みで、次のサイクルで再取得せずに削除します。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes.</source>
        <translation>一時的なものなら対処は不要です。</translation>
    </message>
    <message>
        <source>Error during the POP3 transaction</source>
        <translation>POP3 トランザクション中のエラー</translation>
    </message>
    <message>
        <source>The server answered a command with an error the connector cannot work around.</source>
        <translation>サーバーがコマンドに対して、コネクタでは回避できないエラーを返しました。</translation>
    </message>
    <message>
        <source>Read the server&apos;s text in the event. Turn the log level to Maximum to record the conversation.</source>
        <translation>イベントにあるサーバーのメッセージを確認してください。ログ レベルを [最大] にすると通信内容を記録できます。</translation>
    </message>
    <message>
        <source>Server allows logins less often than scheduled</source>
        <translation>サーバーのログイン間隔がスケジュールより長い</translation>
    </message>
    <message>
        <source>The server announces a minimum time between logins (LOGIN-DELAY) longer than the schedule&apos;s interval, so some cycles will find the mailbox refused.</source>
        <translation>サーバーが告知しているログインの最小間隔 (LOGIN-DELAY) がスケジュールの間隔より長いため、一部のサイクルではメールボックスへのログインが拒否されます。</translation>
    </message>
    <message>
        <source>Make the interval at least as long as the server&apos;s login delay (the text gives both).</source>
        <translation>取得間隔をサーバーのログイン間隔以上にしてください (本文に両方の値があります)。</translation>
    </message>
    <message>
        <source>Spool made private</source>
        <translation>スプールを非公開にしました</translation>
    </message>
    <message>
        <source>Files or folders of the spool could be read by other local users (left by an older version, a restored backup or a umask of 022). The connector made them private to the service user: folders 0700, files 0600.</source>
        <translation>スプールのファイルまたはフォルダーを、ローカルの他のユーザーが読める状態でした (古いバージョン、復元したバックアップ、umask 022 などが原因)。コネクタはそれらをサービス ユーザー専用にしました: フォルダーは 0700、ファイルは 0600 です。</translation>
    </message>
    <message>
        <source>Nothing is needed. If it happens again, find what creates files in the spool with wider permissions (a backup restore, a script) and make it keep them private; the systemd unit sets UMask=0077.</source>
        <translation>対処は不要です。再び起きる場合は、スプールに広い権限でファイルを作るもの (バックアップの復元、スクリプトなど) を突き止め、非公開のまま作るようにしてください。systemd ユニットは UMask=0077 を設定しています。</translation>
    </message>
    <message>
        <source>No recipient of the message matched the mailbox&apos;s accepted domains and routing rules (mail sent as Bcc, mailing lists, a former employee&apos;s address), or none of them was a valid address. It was delivered to the undeliverable-mail mailbox so that it stays visible; the text says why for each recipient.</source>
        <translation>メッセージのどの受信者も、メールボックスの受け入れドメインと振り分けルールに一致しませんでした (Bcc で送られたメール、メーリング リスト、退職者のアドレスなど)。または、どれも有効なアドレスではありませんでした。見落とされないよう、配信不能メール用メールボックスに配信しました。受信者ごとの理由は本文にあります。</translation>
    </message>
    <message>
        <source>Some recipients not routed</source>
        <translation>一部の受信者を振り分けられません</translation>
    </message>
    <message>
        <source>A message names recipients in the accepted domains that reach no local mailbox: no routing rule matches them, or the header&apos;s text is not a valid address (a line break, a control character or an angle bracket in it, which can be an attempt to add recipients of the sender&apos;s choosing). The message&apos;s other recipients received it; the undeliverable-mail mailbox received one copy for them when one is configured. The text names them, with any control characters shown as escapes.</source>
        <translation>メッセージに、受け入れドメインの受信者でありながらどのローカル メールボックスにも届かないものがあります: 一致する振り分けルールがないか、ヘッダーの文字列が有効なアドレスではありません (改行、制御文字、山かっこを含むもの。送信者が好きな受信者を追加しようとする手口のことがあります)。メッセージの他の受信者には届きました。配信不能メール用メールボックスが設定されていれば、そこにこれらの受信者の分として 1 通届いています。本文にそれらの受信者を示します (制御文字はエスケープして表示します)。</translation>
    </message>
    <message>
        <source>If mail for such an address should reach someone, add a routing rule for it. An address that is not valid is never delivered; nothing needs doing for it.</source>
        <translation>そのアドレス宛てのメールを誰かに届けるべきなら、振り分けルールを追加してください。有効でないアドレスには決して配信しません。それについての対処は不要です。</translation>
    </message>
    <message>
        <source>Envelope sender replaced</source>
        <translation>エンベロープの送信者を置き換えました</translation>
    </message>
    <message>
        <source>The message&apos;s Return-Path or From is not a valid address (a line break, a control character or an angle bracket in it, or no address at all), so it cannot be the sender given to the local mail server. The message was delivered with its From address when that is valid, else with the undeliverable-mail mailbox (without one, the null sender &lt;&gt;) as its sender; its header is unchanged.</source>
        <translation>メッセージの Return-Path または From が有効なアドレスではない (改行、制御文字、山かっこを含む、またはアドレスがない) ため、ローカル メール サーバーに渡す送信者にできません。From のアドレスが有効ならそれを、そうでなければ配信不能メール用メールボックス (設定がなければヌル送信者 &lt;&gt;) を送信者として配信しました。ヘッダーは変更していません。</translation>
    </message>
    <message>
        <source>Nothing to do for the delivery. Reports about it go to the sender named in the text; replies still go to the addresses in the message&apos;s header.</source>
        <translation>配信については対処は不要です。配信に関する通知は本文に示した送信者に届きます。返信は従来どおりメッセージのヘッダーのアドレスに届きます。</translation>
    </message>
    <message>
        <source>The server sent nothing, or less than 1 KB a second, for longer than the timeout while a reply was due. The connection was dropped; nothing was deleted that is not stored, and the other mailboxes were not held up.</source>
        <translation>応答を待つ間、タイムアウトを超えてサーバーから何も届かないか、毎秒 1 KB 未満しか届きませんでした。接続を切断しました。保存していないメッセージは削除しておらず、他のメールボックスの処理は止まっていません。</translation>
    </message>
    <message>
        <source>Check the network. On a link slower than 1 KB a second, or to a server that thinks long before it answers, raise timeout_seconds.</source>
        <translation>ネットワークを確認してください。回線が毎秒 1 KB より遅い場合や、応答までに長く考えるサーバーの場合は timeout_seconds を大きくしてください。</translation>
    </message>
    <message>
        <source>The server sent something that is not a POP3 reply, sent data when it should not, or sent a reply beyond the connector&apos;s limits (a line longer than 8 KB, a CAPA reply longer than 64 KB, a listing of more than a million messages). The connection was dropped; nothing was deleted that is not stored.</source>
        <translation>サーバーが POP3 の応答ではないものを送ったか、送るべきでないときにデータを送ったか、コネクタの上限を超える応答 (8 KB を超える行、64 KB を超える CAPA 応答、100 万通を超える一覧) を送りました。接続を切断しました。保存していないメッセージは削除していません。</translation>
    </message>
    <message>
        <source>A message is larger than the mailbox&apos;s size limit (max_message_kb, 100 MB unless set), so it was left on the server and never deleted. A server that lists a message as smaller than it is is stopped at the limit while it sends; the connector remembers the message and does not download it again until the limit is raised. If the server goes on sending far beyond the limit, the connection is dropped and the mailbox&apos;s other messages follow on the next cycle.</source>
        <translation>メッセージがメールボックスのサイズ上限 (max_message_kb、未設定なら 100 MB) を超えているため、サーバーに残し、削除もしていません。実際より小さいサイズを一覧に示すサーバーは、送信中に上限で止めます。コネクタはそのメッセージを記憶し、上限を上げるまで再びダウンロードしません。サーバーが上限を大きく超えて送り続ける場合は接続を切断し、メールボックスの他のメッセージは次のサイクルで取得します。</translation>
    </message>
    <message>
        <source>Server refused to end the session</source>
        <translation>サーバーがセッションの終了を拒否</translation>
    </message>
    <message>
        <source>The server answered QUIT with an error, so by RFC 1939 it deleted nothing: often it could not update the mailbox. The messages are stored; the next cycle deletes them without retrieving them again, and until then they stay on the server.</source>
        <translation>サーバーが QUIT にエラーで応答したため、RFC 1939 によりサーバーは何も削除していません。多くの場合、メールボックスを更新できなかったことが原因です。メッセージは保存済みで、次のサイクルで再取得せずに削除します。それまではサーバーに残ります。</translation>
    </message>
    <message>
        <source>Nothing to do if it passes. If it repeats, the server cannot delete mail: send the server&apos;s text in the event to the provider.</source>
        <translation>一時的なものなら対処は不要です。繰り返す場合、サーバーはメールを削除できていません。イベントにあるサーバーの文言をプロバイダーに伝えてください。</translation>
    </message>
    <message>
        <source>Message exported</source>
        <translation>メッセージのエクスポート</translation>
    </message>
    <message>
        <source>An administrator saved a copy of a message in the spool to a file outside it; the message itself stayed where it was.</source>
        <translation>管理者がスプールのメッセージのコピーをスプール外のファイルに保存しました。メッセージ自体は元の場所に残っています。</translation>
    </message>
    <message>
        <source>Nothing to do. The copy is somebody&apos;s mail: keep it private, and delete it when it is no longer needed.</source>
        <translation>対処は不要です。コピーは誰かのメールです。他人に見せず、不要になったら削除してください。</translation>
    </message>
    <message>
        <source>Control connection refused</source>
        <translation>制御接続を拒否しました</translation>
    </message>
    <message>
        <source>A local program connected to the service&apos;s control socket as a user who may not administer the service (only root, the service&apos;s own user and members of its administrators&apos; group may). The text names the user and the process.</source>
        <translation>サービスを管理する権限のないユーザーとして、ローカルのプログラムがサービスの制御ソケットに接続しました（管理できるのは root、サービス自身のユーザー、管理者グループのメンバーだけです）。本文にそのユーザーとプロセスが示されます。</translation>
    </message>
    <message>
        <source>If that user should administer the service, add it to the group (adduser USER pop3connector, then log in again); otherwise find out why it tried.</source>
        <translation>そのユーザーにサービスを管理させる場合は、グループに追加してください（adduser ユーザー pop3connector を実行し、ログインし直します）。そうでなければ、なぜ接続しようとしたのかを調べてください。</translation>
    </message>
    <message>
        <source>Slow control client disconnected</source>
        <translation>応答の遅い制御クライアントを切断しました</translation>
    </message>
    <message>
        <source>A program subscribed to the service&apos;s notifications (the manager, pop3connectorctl events --follow) did not read them, and more were waiting for it than the service keeps for one client. The service closed its connection and went on with its work.</source>
        <translation>サービスの通知を購読しているプログラム（マネージャーや pop3connectorctl events --follow）が通知を読まず、1 つのクライアントのために保持できる量を超えました。サービスはその接続を閉じ、処理を続けました。</translation>
    </message>
    <message>
        <source>Nothing to do for the mail. Connect the program again; if it happens often, the program or its machine is too busy to keep up.</source>
        <translation>メールについて必要な操作はありません。プログラムを接続し直してください。頻繁に起こる場合は、そのプログラムかマシンの負荷が高すぎて追いつけていません。</translation>
    </message>
    <message>
        <source>Configuration changed</source>
        <translation>構成が変更されました</translation>
    </message>
    <message>
        <source>An administrator wrote a new configuration through the control channel; the service checked it, wrote the file and applies it. The text names the administrator.</source>
        <translation>管理者が制御チャネルを通じて新しい構成を書き込みました。サービスはそれを検査してファイルに書き込み、適用します。本文にその管理者が示されます。</translation>
    </message>
    <message>
        <source>Nothing to do. If a setting the text names needs a restart, restart the service.</source>
        <translation>必要な操作はありません。本文に示された設定が再起動を必要とする場合は、サービスを再起動してください。</translation>
    </message>
    <message>
        <source>Password stored or removed</source>
        <translation>パスワードを保存または削除しました</translation>
    </message>
    <message>
        <source>An administrator stored or removed the password of a mailbox or of the delivery login in the service&apos;s password store. The text names the administrator, never the password.</source>
        <translation>管理者がメールボックスまたは配送ログインのパスワードを、サービスのパスワードストアに保存または削除しました。本文には管理者が示され、パスワードは示されません。</translation>
    </message>
    <message>
        <source>Nothing to do. The next cycle logs in with the new password.</source>
        <translation>必要な操作はありません。次のサイクルから新しいパスワードでログインします。</translation>
    </message>
    <message>
        <source>Sign in again to the mailbox&apos;s provider</source>
        <translation>メールボックスのプロバイダーにもう一度サインインしてください</translation>
    </message>
    <message>
        <source>The mailbox logs in with OAuth 2.0, and the provider no longer accepts the connector&apos;s sign-in (invalid_grant: the user changed the password, an administrator revoked the consent, or it went unused for months), or nobody has signed in yet. The text has the provider&apos;s own words. The connector does not ask the provider again until someone signs in.</source>
        <translation>このメールボックスは OAuth 2.0 でログインしますが、プロバイダーがコネクタのサインインを受け付けなくなったか (invalid_grant: ユーザーがパスワードを変更した、管理者が同意を取り消した、または数か月使われなかった)、まだ誰もサインインしていません。本文にはプロバイダー自身のメッセージが含まれます。誰かがサインインするまで、コネクタはプロバイダーに再度問い合わせません。</translation>
    </message>
    <message>
        <source>Sign in again: in the manager, or with pop3connectorctl authorize MAILBOX.</source>
        <translation>もう一度サインインしてください: マネージャーで行うか、pop3connectorctl authorize MAILBOX を実行します。</translation>
    </message>
    <message>
        <source>Access token could not be renewed</source>
        <translation>アクセス トークンを更新できませんでした</translation>
    </message>
    <message>
        <source>The provider&apos;s token endpoint could not be reached or refused the request for another reason than a withdrawn sign-in (the text says which). The connector tries again later, waiting longer after each failure (1, 2, 4 ... up to 60 minutes).</source>
        <translation>プロバイダーのトークン エンドポイントに接続できなかったか、サインインの取り消し以外の理由で要求が拒否されました (本文に理由があります)。コネクタは失敗のたびに待ち時間を延ばしながら (1、2、4 ... 最大 60 分) 後で再試行します。</translation>
    </message>
    <message>
        <source>Check the network, the oauth_token_url and the client id and secret in the configuration. If the provider names the client as the problem, correct its registration.</source>
        <translation>ネットワーク、構成の oauth_token_url、クライアント ID とシークレットを確認してください。プロバイダーがクライアントに問題があると示している場合は、アプリケーションの登録を修正してください。</translation>
    </message>
    <message>
        <source>Signed in to the mailbox&apos;s provider</source>
        <translation>メールボックスのプロバイダーにサインインしました</translation>
    </message>
    <message>
        <source>Someone signed in to the provider for a mailbox that logs in with OAuth 2.0; the refresh token is in the service&apos;s password store.</source>
        <translation>OAuth 2.0 でログインするメールボックスについて、プロバイダーへのサインインが行われました。リフレッシュ トークンはサービスのパスワード ストアにあります。</translation>
    </message>
    <message>
        <source>POP3 server refused the access token</source>
        <translation>POP3 サーバーがアクセス トークンを拒否しました</translation>
    </message>
    <message>
        <source>The server refused the OAuth 2.0 access token (its answer, such as status 401 or invalid_token, is in the text). The connector renews the token once and tries again in the same cycle; this event means that did not help either.</source>
        <translation>サーバーが OAuth 2.0 アクセス トークンを拒否しました (ステータス 401 や invalid_token などのサーバーの応答が本文にあります)。コネクタはトークンを 1 回だけ更新して同じサイクル内で再試行します。このイベントは、それでも解決しなかったことを示します。</translation>
    </message>
    <message>
        <source>Check that the scopes give POP3 access (oauth_scopes), that POP is enabled for the mailbox at the provider, and that the user signed in as the mailbox&apos;s user.</source>
        <translation>スコープ (oauth_scopes) で POP3 にアクセスできること、プロバイダー側でメールボックスの POP が有効になっていること、メールボックスのユーザーとしてサインインしたことを確認してください。</translation>
    </message>
    <message>
        <source>Administrator notified</source>
        <translation>管理者に通知しました</translation>
    </message>
    <message>
        <source>A problem started or ended, and a short report of it was put in PickUp for the administrator_address; delivery takes it to the local mail server like any other message. A problem is reported at most once an hour, however often it comes back.</source>
        <translation>問題が起きたか解消したため、その短い報告を administrator_address 宛てに PickUp に置きました。ほかのメッセージと同じく、配信の段階がローカル メール サーバーに届けます。同じ問題は何度繰り返しても、報告するのは 1 時間に 1 回までです。</translation>
    </message>
    <message>
        <source>Nothing to do here; read the report. To stop the reports, remove administrator_address from the configuration.</source>
        <translation>ここでの対処は不要です。報告を読んでください。報告が不要なら、設定から administrator_address を削除してください。</translation>
    </message>
    <message>
        <source>Message tracking could not be written</source>
        <translation>メッセージ追跡を記録できません</translation>
    </message>
    <message>
        <source>Free space on the spool&apos;s disk, and check that the tracking folder and its files belong to the connector&apos;s user and that it may write them (the text names the file and the system&apos;s reason).</source>
        <translation>スプールのディスクの空き容量を確保し、tracking フォルダーとそのファイルの所有者がコネクターのユーザーで、書き込みができることを確認してください (本文にファイル名とシステムが返した理由があります)。</translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation>スプールのディスクの空きがわずかです</translation>
    </message>
    <message>
        <source>The file system of the spool has less free space than the connector needs to keep retrieving safely (less than 1 GB, or less than 5% of the disk). When it is full, retrieval stops and messages stay on the provider&apos;s server; nothing is lost, but nothing arrives.</source>
        <translation>スプールのファイルシステムの空き容量が、安全に受信を続けるのに必要な量を下回っています (1 GB 未満、またはディスクの 5% 未満)。満杯になると受信は止まり、メッセージはプロバイダーのサーバーに残ります。失われるメールはありませんが、新しいメールも届きません。</translation>
    </message>
    <message>
        <source>Free space on that disk (old logs, backups), or move the spool to a larger disk (spool key in the configuration). Failed Mail and BadMail, shown in the Spool tab, may hold messages that can be deleted.</source>
        <translation>そのディスクの空き容量を確保する (古いログやバックアップを削除する) か、スプールをより大きなディスクに移してください (設定の spool キー)。スプール タブの Failed Mail と BadMail に、削除してよいメッセージがあるかもしれません。</translation>
    </message>
    <message>
        <source>Administrator report not sent</source>
        <translation>管理者への報告を送れませんでした</translation>
    </message>
    <message>
        <source>A report for administrator_address could not be put in PickUp, or the record of which problems were reported could not be saved (the disk is full, or the spool&apos;s state folder cannot be written). The report is tried again at the next cycle.</source>
        <translation>administrator_address 宛ての報告を PickUp に置けなかったか、どの問題を報告済みかの記録を保存できませんでした (ディスクが満杯か、スプールの state フォルダーに書き込めません)。報告は次のサイクルで再試行されます。</translation>
    </message>
    <message>
        <source>Free space on the spool&apos;s disk and check that the spool belongs to the connector&apos;s user; the problem itself is still shown by pop3connectorctl diagnose and the manager.</source>
        <translation>スプールのディスクの空き容量を確保し、スプールの所有者がコネクターのユーザーであることを確認してください。問題そのものは pop3connectorctl diagnose とマネージャーで引き続き確認できます。</translation>
    </message>
    <message>
        <source>Messages were taken from Incoming Mail, given their local recipients and put in PickUp; the text counts them and those that went to Failed Mail. Transfer runs as soon as mail is stored, several times in a long cycle; event 1006 gives the cycle&apos;s totals.</source>
        <translation>Incoming Mail のメッセージにローカルの受信者を割り当てて PickUp に移しました。本文にその数と、Failed Mail に移した数があります。転送はメールが保存されるたびに実行されるため、長いサイクルでは何度も実行されます。サイクル全体の合計はイベント 1006 にあります。</translation>
    </message>
    <message>
        <source>Messages in PickUp were delivered to the local mail server (one event for each connection). Delivery runs as soon as transfer has put mail in PickUp, several times in a long cycle; event 1006 gives the cycle&apos;s totals.</source>
        <translation>PickUp のメッセージをローカル メール サーバーに配信しました (接続ごとに 1 件のイベント)。配信は転送が PickUp にメールを移すたびに実行されるため、長いサイクルでは何度も実行されます。サイクル全体の合計はイベント 1006 にあります。</translation>
    </message>
    <message>
        <source>A record of the message tracking journal (the tracking folder in the spool&apos;s state folder) could not be written, synced or pruned. It is told once when the journal stops taking records, not for each record missed, and again if it stops again after it worked. Mail still flows; only the history that pop3connectorctl track and the Tracking view show misses what happened meanwhile.</source>
        <translation>メッセージ追跡ジャーナル (スプールの state フォルダー内の tracking フォルダー) の記録を書き込めないか、同期または整理できませんでした。ジャーナルが記録を受け付けなくなったときに一度だけ知らせ、抜けた記録ごとには知らせません。いったん回復した後に再び止まったときは、もう一度知らせます。メールの流れは止まっていません。pop3connectorctl track と追跡ビューに表示される履歴から、この間の出来事が抜けるだけです。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::FileSecretStore</name>
    <message>
        <source>the password file %1 belongs to another user than the service&apos;s; store the password again</source>
        <translation>パスワード ファイル %1 の所有者がサービスのユーザーではありません。パスワードを保存し直してください</translation>
    </message>
    <message>
        <source>the password file %1 can be read by other users (mode %2); run chmod 600 %1 and store the password again</source>
        <translation>パスワード ファイル %1 は他のユーザーが読めます (モード %2)。chmod 600 %1 を実行し、パスワードを保存し直してください</translation>
    </message>
    <message>
        <source>a password is one line of at most %1 bytes</source>
        <translation>パスワードは %1 バイト以内の 1 行で指定してください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::FirstRunWizard</name>
    <message>
        <source>First-run assistant</source>
        <translation>初期設定アシスタント</translation>
    </message>
    <message>
        <source>Where mail goes</source>
        <translation>メールの配信先</translation>
    </message>
    <message>
        <source>The office mail server that receives the mail, or a PickUp folder another mail server reads.</source>
        <translation>メールを受け取る社内メール サーバー、または別のメール サーバーが読み取る PickUp フォルダーを指定します。</translation>
    </message>
    <message>
        <source>&amp;Skip the test; I will check delivery myself</source>
        <translation>テストを省略する (配信は自分で確認する)(&amp;S)</translation>
    </message>
    <message>
        <source>Undeliverable mail</source>
        <translation>配信不能メール</translation>
    </message>
    <message>
        <source>A local mailbox that receives mail no rule can route, so that nothing waits unseen.</source>
        <translation>どのルールにも当てはまらないメールを受け取るローカル メールボックスです。誰にも気付かれずに残るメールがなくなります。</translation>
    </message>
    <message>
        <source>&amp;Undeliverable mail to:</source>
        <translation>配信不能メールの宛先(&amp;U):</translation>
    </message>
    <message>
        <source>The first mailbox</source>
        <translation>最初のメールボックス</translation>
    </message>
    <message>
        <source>A POP3 mailbox at the provider; nothing is retrieved yet.</source>
        <translation>プロバイダーの POP3 メールボックスです。まだメールは取得しません。</translation>
    </message>
    <message>
        <source>The service logs in and lists the messages; it retrieves nothing.</source>
        <translation>サービスがログインしてメッセージの一覧を確認します。メールは取得しません。</translation>
    </message>
    <message>
        <source>&amp;Add mailbox...</source>
        <translation>メールボックスの追加(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>When the connector retrieves mail.</source>
        <translation>コネクタがメールを取得するタイミングです。</translation>
    </message>
    <message>
        <source>Retrieve mail &amp;every (minutes):</source>
        <translation>メールの取得間隔 (分)(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Retrieve on this schedule</source>
        <translation>このスケジュールで取得する(&amp;R)</translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation>サービスが構成を受け付けませんでした:
%1</translation>
    </message>
    <message>
        <source>The settings were saved, but the service could not store the password: %1</source>
        <translation>設定は保存しましたが、サービスがパスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>The mailbox was saved, but the service could not store its password: %1</source>
        <translation>メールボックスは保存しましたが、サービスがそのパスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>No mailbox yet. Add the first one; more can be added later in the Mailboxes tab.</source>
        <translation>メールボックスはまだありません。最初の 1 つを追加してください。後から [メールボックス] タブで追加することもできます。</translation>
    </message>
    <message>
        <source>Mailboxes: %1</source>
        <translation>メールボックス: %1</translation>
    </message>
    <message>
        <source>Delivery was tested. Mail is retrieved from now on; Retrieve now in the Service menu retrieves at once.</source>
        <translation>配信はテスト済みです。これからメールを取得します。[サービス] メニューの [今すぐ取得] ですぐに取得することもできます。</translation>
    </message>
    <message>
        <source>The delivery test was skipped: check the first messages arrive.</source>
        <translation>配信テストは省略されました。最初のメッセージが届くことを確認してください。</translation>
    </message>
    <message>
        <source>The schedule stays off until delivery has been tested.</source>
        <translation>配信をテストするまで、スケジュールはオフのままです。</translation>
    </message>
    <message>
        <source>S&amp;ign in...</source>
        <translation>サインイン(&amp;I)...</translation>
    </message>
    <message>
        <source>Sign in to the provider in the browser, for a mailbox that logs in with OAuth 2.0; again when the provider asks for it.</source>
        <translation>OAuth 2.0 でログインするメールボックスのために、ブラウザーでプロバイダーにサインインします。プロバイダーから求められたときは再度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::LineSession</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation>サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <source>the server sent data after agreeing to %1, before TLS began</source>
        <translation>サーバーが %1 に同意した後、TLS の開始前にデータを送ってきました</translation>
    </message>
    <message>
        <source>the server sent a line longer than %1 bytes where a reply was expected</source>
        <translation>応答を待っていたところ、サーバーが %1 バイトを超える行を送ってきました</translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot; when no reply was due</source>
        <translation>応答を待っていないときにサーバーが「%1」を送ってきました</translation>
    </message>
    <message>
        <source>the connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>あいさつ</translation>
    </message>
    <message>
        <source>the TLS handshake</source>
        <translation>TLS ハンドシェイク</translation>
    </message>
    <message>
        <source>a reply</source>
        <translation>応答</translation>
    </message>
    <message>
        <source>the reply to a message body</source>
        <translation>メッセージ本文への応答</translation>
    </message>
    <message>
        <source>the reply to %1</source>
        <translation>%1 への応答</translation>
    </message>
    <message numerus="yes">
        <source>no data for %n second(s) while waiting for %1</source>
        <translation>
            <numerusform>%1 を待つ間、%n 秒間データがありませんでした</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only %1 bytes in %n second(s) while waiting for %2, less than %3 bytes a second</source>
        <translation>
            <numerusform>%2 を待つ間、%n 秒間に %1 バイトしか届きませんでした (毎秒 %3 バイト未満)</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting to %1 port %2 with TLS</source>
        <translation>%1 のポート %2 に TLS で接続しています</translation>
    </message>
    <message>
        <source>connecting to %1 port %2</source>
        <translation>%1 のポート %2 に接続しています</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS で暗号化: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::LineSplitter</name>
    <message>
        <source>a line of the reply is longer than %1 bytes</source>
        <translation>応答の行が %1 バイトを超えています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailAddress</name>
    <message>
        <source>the address is empty</source>
        <translation>アドレスが空です</translation>
    </message>
    <message>
        <source>the address holds half of a UTF-16 surrogate pair</source>
        <translation>アドレスに UTF-16 サロゲート ペアの片方だけが含まれています</translation>
    </message>
    <message>
        <source>the address holds a line break</source>
        <translation>アドレスに改行が含まれています</translation>
    </message>
    <message>
        <source>the address holds a NUL character</source>
        <translation>アドレスに NUL 文字が含まれています</translation>
    </message>
    <message>
        <source>the address holds the control character U+%1</source>
        <translation>アドレスに制御文字 U+%1 が含まれています</translation>
    </message>
    <message>
        <source>the address holds the invisible character U+%1</source>
        <translation>アドレスに不可視文字 U+%1 が含まれています</translation>
    </message>
    <message>
        <source>the quoted local part is not closed</source>
        <translation>引用符で囲んだローカル部が閉じていません</translation>
    </message>
    <message>
        <source>a backslash in the quoted local part quotes nothing</source>
        <translation>引用符で囲んだローカル部で、バックスラッシュの後にエスケープする文字がありません</translation>
    </message>
    <message>
        <source>the quoted local part is not followed by @</source>
        <translation>引用符で囲んだローカル部の後に @ がありません</translation>
    </message>
    <message>
        <source>the local part is empty</source>
        <translation>ローカル部が空です</translation>
    </message>
    <message>
        <source>the address has no @</source>
        <translation>アドレスに @ がありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in a local part without quotes</source>
        <translation>引用符で囲まないローカル部に「%1」は使えません</translation>
    </message>
    <message>
        <source>the local part begins or ends with a dot, or has two in a row</source>
        <translation>ローカル部がドットで始まるか終わっているか、ドットが 2 つ続いています</translation>
    </message>
    <message>
        <source>the local part is longer than %1 octets</source>
        <translation>ローカル部が %1 オクテットを超えています</translation>
    </message>
    <message>
        <source>the address has no domain after @</source>
        <translation>アドレスの @ の後にドメインがありません</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 or IPv6 address literal</source>
        <translation>%1 は IPv4 または IPv6 のアドレス リテラルではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a domain name</source>
        <translation>「%1」はドメイン名ではありません</translation>
    </message>
    <message>
        <source>the domain is longer than %1 octets</source>
        <translation>ドメインが %1 オクテットを超えています</translation>
    </message>
    <message>
        <source>the address is longer than %1 octets</source>
        <translation>アドレスが %1 オクテットを超えています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxChecks</name>
    <message>
        <source>issued to %1 by %2, valid from %3 until %4</source>
        <translation>発行先 %1、発行者 %2、有効期間 %3 から %4 まで</translation>
    </message>
    <message>
        <source>The server&apos;s certificate expired on %1</source>
        <translation>サーバーの証明書は %1 に期限切れになりました</translation>
    </message>
    <message>
        <source>Ask the provider to renew the certificate of %1. Until then no mail can be retrieved securely.</source>
        <translation>%1 の証明書を更新するようプロバイダーに依頼してください。更新されるまで、メールを安全に取得できません。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid yet</source>
        <translation>サーバーの証明書はまだ有効になっていません</translation>
    </message>
    <message>
        <source>Check this computer&apos;s clock and time zone; if they are right, the certificate of %1 was issued for the future.</source>
        <translation>このコンピューターの時計とタイム ゾーンを確認してください。それが正しければ、%1 の証明書は将来の日付で発行されています。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not for %1</source>
        <translation>サーバーの証明書は %1 用ではありません</translation>
    </message>
    <message>
        <source>Use the host name the provider&apos;s certificate names (the name in &quot;issued to&quot;), not an address or an alias.</source>
        <translation>アドレスや別名ではなく、プロバイダーの証明書に記載されたホスト名 (「発行先」の名前) を使ってください。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>サーバーの証明書は信頼されていません</translation>
    </message>
    <message>
        <source>If the provider uses its own certificate authority, save its certificate as a PEM file and name it in ca_file; otherwise ask the provider to fix the chain.</source>
        <translation>プロバイダーが独自の認証局を使っている場合は、その証明書を PEM ファイルとして保存し ca_file に指定してください。そうでなければ、証明書チェーンを修正するようプロバイダーに依頼してください。</translation>
    </message>
    <message numerus="yes">
        <source>The server&apos;s certificate expires in %n day(s)</source>
        <translation>
            <numerusform>サーバーの証明書はあと %n 日で期限切れになります</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask the provider of %1 to renew the certificate before it expires; afterwards no mail can be retrieved securely.</source>
        <translation>期限が切れる前に証明書を更新するよう %1 のプロバイダーに依頼してください。期限が切れるとメールを安全に取得できなくなります。</translation>
    </message>
    <message numerus="yes">
        <source>The server&apos;s certificate is valid for %n more day(s)</source>
        <translation>
            <numerusform>サーバーの証明書はあと %n 日有効です</numerusform>
        </translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved</source>
        <translation>名前 %1 を解決できません</translation>
    </message>
    <message>
        <source>Check the spelling of the host, and that this computer&apos;s DNS server answers (try: getent hosts %1).</source>
        <translation>ホスト名のつづりと、このコンピューターの DNS サーバーが応答するかを確認してください (例: getent hosts %1)。</translation>
    </message>
    <message>
        <source>%1 resolves</source>
        <translation>%1 を解決できました</translation>
    </message>
    <message>
        <source>TCP connection to %1</source>
        <translation>%1 への TCP 接続</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 が接続を拒否しました</translation>
    </message>
    <message>
        <source>Nothing listens on port %1 there: check the port (995 for POP3 over TLS, 110 for POP3 with STLS or none) and that the server is running.</source>
        <translation>そのホストのポート %1 では何も待ち受けていません。ポート (TLS の POP3 は 995、STLS または暗号化なしの POP3 は 110) と、サーバーが動作しているかを確認してください。</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 は %n 秒以内に応答しませんでした</numerusform>
        </translation>
    </message>
    <message>
        <source>A firewall drops the connection, here or at the provider: allow outgoing connections to port %1, or check the host name.</source>
        <translation>こちら側かプロバイダー側のファイアウォールが接続を破棄しています。ポート %1 への送信接続を許可するか、ホスト名を確認してください。</translation>
    </message>
    <message>
        <source>%1 cannot be reached</source>
        <translation>%1 に到達できません</translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection and routing to %1.</source>
        <translation>このコンピューターのネットワーク接続と %1 へのルーティングを確認してください。</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS ハンドシェイク</translation>
    </message>
    <message>
        <source>TLS could not be negotiated with %1</source>
        <translation>%1 と TLS をネゴシエートできませんでした</translation>
    </message>
    <message>
        <source>The server did not greet</source>
        <translation>サーバーから応答メッセージ (グリーティング) がありません</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>グリーティング</translation>
    </message>
    <message>
        <source>CAPA was not answered</source>
        <translation>CAPA に応答がありません</translation>
    </message>
    <message>
        <source>The server lists no capabilities (CAPA)</source>
        <translation>サーバーは機能一覧 (CAPA) を返しません</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>TLS could not be negotiated</source>
        <translation>TLS をネゴシエートできませんでした</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>ログインに失敗しました</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>ログインしました</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>%1 を使用</translation>
    </message>
    <message>
        <source>STAT was not answered</source>
        <translation>STAT に応答がありません</translation>
    </message>
    <message>
        <source>The mailbox is empty (+OK 0 0)</source>
        <translation>メールボックスは空です (+OK 0 0)</translation>
    </message>
    <message>
        <source>Fine if no mail has arrived yet. If mail is expected: the user name may name another account; another mail client, or a second mailbox entry on the same account, may be fetching and deleting the mail first (look for &quot;leave mail on server&quot; being off elsewhere); or the provider routes the mail to another mailbox.</source>
        <translation>まだメールが届いていないだけなら問題ありません。メールが届いているはずなら、ユーザー名が別のアカウントを指している、別のメール クライアントや同じアカウントの 2 つ目のメールボックス エントリが先にメールを取得して削除している (ほかの場所で「サーバーにメールを残す」がオフになっていないか確認してください)、またはプロバイダーがメールを別のメールボックスに振り分けている可能性があります。</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n 通のメッセージがあります</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxDialog</name>
    <message>
        <source>Certificate file</source>
        <translation>証明書ファイル</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 証明書 (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Add POP3 Mailbox</source>
        <translation>POP3 メールボックスの追加</translation>
    </message>
    <message>
        <source>Edit POP3 Mailbox</source>
        <translation>POP3 メールボックスの編集</translation>
    </message>
    <message>
        <source>letters, digits, . _ - @</source>
        <translation>英字、数字、. _ - @</translation>
    </message>
    <message>
        <source>pop.provider.example</source>
        <translation>pop.provider.example</translation>
    </message>
    <message>
        <source>TLS (port 995, recommended)</source>
        <translation>TLS (ポート 995、推奨)</translation>
    </message>
    <message>
        <source>STARTTLS (port 110)</source>
        <translation>STARTTLS (ポート 110)</translation>
    </message>
    <message>
        <source>None (password in clear text)</source>
        <translation>なし (パスワードが平文)</translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation>自動 (提供される最も強い方式)</translation>
    </message>
    <message>
        <source>USER/PASS</source>
        <translation>USER/PASS</translation>
    </message>
    <message>
        <source>APOP</source>
        <translation>APOP</translation>
    </message>
    <message>
        <source>PLAIN</source>
        <translation>PLAIN</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>CRAM-MD5</source>
        <translation>CRAM-MD5</translation>
    </message>
    <message>
        <source>leave empty to keep the stored password</source>
        <translation>空欄なら保存済みのパスワードを使います</translation>
    </message>
    <message>
        <source>only for a provider with its own certificate</source>
        <translation>独自の証明書を使うプロバイダーの場合のみ</translation>
    </message>
    <message>
        <source>user@office.example</source>
        <translation>user@office.example</translation>
    </message>
    <message>
        <source>office.example, shop.example</source>
        <translation>office.example, shop.example</translation>
    </message>
    <message>
        <source>Address or *@domain</source>
        <translation>アドレスまたは *@domain</translation>
    </message>
    <message>
        <source>Local mailbox (or *@domain)</source>
        <translation>ローカル メールボックス (または *@domain)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Give the mailbox a name made of letters, digits and . _ - @.</source>
        <translation>メールボックスに英字、数字、. _ - @ からなる名前を付けてください。</translation>
    </message>
    <message>
        <source>A mailbox named %1 exists already.</source>
        <translation>%1 という名前のメールボックスはすでにあります。</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s POP3 server.</source>
        <translation>プロバイダーの POP3 サーバーを入力してください。</translation>
    </message>
    <message>
        <source>Enter the user name of the POP3 account.</source>
        <translation>POP3 アカウントのユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>Enter the password of the POP3 account.</source>
        <translation>POP3 アカウントのパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Enter the local mailbox that receives this account&apos;s mail, as user@domain.</source>
        <translation>このアカウントのメールを受け取るローカル メールボックスを user@domain の形で入力してください。</translation>
    </message>
    <message>
        <source>Enter the domains whose mail this catch-all mailbox receives.</source>
        <translation>このキャッチオール メールボックスが受け取るメールのドメインを入力してください。</translation>
    </message>
    <message>
        <source>The rule &quot;%1 -&gt; %2&quot; needs an address or *@domain on each side.</source>
        <translation>ルール「%1 -&gt; %2」は、両側にアドレスか *@domain が必要です。</translation>
    </message>
    <message>
        <source>Enter the server and the user name first.</source>
        <translation>先にサーバーとユーザー名を入力してください。</translation>
    </message>
    <message>
        <source>stored by the service</source>
        <translation>サービスが保存します</translation>
    </message>
    <message>
        <source>The service tests the mailbox as it is saved. Press OK to save it, then select it and press Test connection.</source>
        <translation>サービスは保存済みのメールボックスをテストします。OK を押して保存してから、メールボックスを選んで「接続テスト」を押してください。</translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in (XOAUTH2)</source>
        <translation>OAuth 2.0 サインイン (XOAUTH2)</translation>
    </message>
    <message>
        <source>OAuth 2.0 sign-in (OAUTHBEARER)</source>
        <translation>OAuth 2.0 サインイン (OAUTHBEARER)</translation>
    </message>
    <message>
        <source>Microsoft 365 / Outlook.com</source>
        <translation>Microsoft 365 / Outlook.com</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>Other (endpoints in the configuration file)</source>
        <translation>その他 (エンドポイントは構成ファイルで指定)</translation>
    </message>
    <message>
        <source>from the application you registered with the provider</source>
        <translation>プロバイダーに登録したアプリケーションの ID</translation>
    </message>
    <message>
        <source>only if the provider gave one</source>
        <translation>プロバイダーから発行された場合のみ</translation>
    </message>
    <message>
        <source>Enter the application (client) ID you registered with the provider.</source>
        <translation>プロバイダーに登録したアプリケーション (クライアント) ID を入力してください。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>POP3 &amp;server:</source>
        <translation>POP3 サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>セキュリティ(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>認証(&amp;U):</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>プロバイダー(&amp;V):</translation>
    </message>
    <message>
        <source>Application (client) &amp;ID:</source>
        <translation>アプリケーション (クライアント) ID(&amp;I):</translation>
    </message>
    <message>
        <source>Client secre&amp;t:</source>
        <translation>クライアント シークレット(&amp;T):</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>ユーザー名(&amp;M):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Provider&apos;s certi&amp;ficate:</source>
        <translation>プロバイダーの証明書(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>参照(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;User mailbox: all mail to one local address</source>
        <translation>ユーザー メールボックス: すべてのメールを 1 つのローカル アドレスへ(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Global mailbox: route by recipient</source>
        <translation>グローバル メールボックス: 受信者ごとに振り分け(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Local mailbox:</source>
        <translation>ローカル メールボックス(&amp;L):</translation>
    </message>
    <message>
        <source>Accepted &amp;domains:</source>
        <translation>受け入れドメイン(&amp;D):</translation>
    </message>
    <message>
        <source>Recipient &amp;headers:</source>
        <translation>受信者ヘッダー(&amp;H):</translation>
    </message>
    <message>
        <source>Add rul&amp;e</source>
        <translation>ルールの追加(&amp;E)</translation>
    </message>
    <message>
        <source>Remo&amp;ve rule</source>
        <translation>ルールの削除(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Leave a copy of messages on the server</source>
        <translation>サーバーにメッセージのコピーを残す(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete from the server after (days, 0 = never):</source>
        <translation>サーバーから削除するまでの日数 (0 = 削除しない)(&amp;D):</translation>
    </message>
    <message>
        <source>Largest &amp;message to retrieve (KB, 0 = no limit):</source>
        <translation>取得するメッセージの最大サイズ (KB、0 = 無制限)(&amp;M):</translation>
    </message>
    <message>
        <source>Messages per c&amp;ycle (0 = no limit):</source>
        <translation>1 サイクルのメッセージ数 (0 = 無制限)(&amp;Y):</translation>
    </message>
    <message>
        <source>Retrie&amp;ve this mailbox</source>
        <translation>このメールボックスを取得する(&amp;V)</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>接続テスト(&amp;C)</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>上へ(&amp;P)</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>下へ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rules, tried from the top; the first that matches decides:</source>
        <translation>ルール(&amp;R) (上から順に照合し、最初に一致したルールで配信先が決まります):</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>振り分けルール</translation>
    </message>
    <message>
        <source>Each recipient goes to the local mailbox of the first rule that matches it.</source>
        <translation>各受信者のメールは、最初に一致したルールのローカル メールボックスに配信されます。</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Where mail goes</source>
        <translation>配信先(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>オプション(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxProbe</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>%n 秒以内に応答がありません</numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused STLS: %1</source>
        <translation>サーバーが STLS を拒否しました: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxRetrieval</name>
    <message>
        <source>Retrieving mail for %1 from %2 port %3.</source>
        <translation>%2 ポート %3 から %1 のメールを取得しています。</translation>
    </message>
    <message>
        <source>The password for %1 on %2 is sent without encryption.</source>
        <translation>%2 の %1 のパスワードは暗号化されずに送信されます。</translation>
    </message>
    <message>
        <source>%1 does not offer STLS, which the mailbox requires; the password was not sent.</source>
        <translation>%1 は、このメールボックスで必須の STLS を提供していません。パスワードは送信していません。</translation>
    </message>
    <message>
        <source>%1 refused STLS (&quot;%2&quot;); the password was not sent.</source>
        <translation>%1 が STLS を拒否しました (「%2」)。パスワードは送信していません。</translation>
    </message>
    <message>
        <source>%1 does not offer APOP (its greeting has no timestamp); choose another authentication method.</source>
        <translation>%1 は APOP に対応していません (あいさつ文にタイムスタンプがありません)。別の認証方式を選んでください。</translation>
    </message>
    <message>
        <source>%1 refused the login of %2</source>
        <translation>%1 が %2 のログインを拒否しました</translation>
    </message>
    <message>
        <source>%1 refused STAT</source>
        <translation>%1 が STAT を拒否しました</translation>
    </message>
    <message>
        <source>%1 refused to list the mailbox</source>
        <translation>%1 がメールボックスの一覧を拒否しました</translation>
    </message>
    <message>
        <source>%1 does not support UIDL; messages are recognised by a digest of their header.</source>
        <translation>%1 は UIDL に対応していません。メッセージはヘッダーのダイジェストで見分けます。</translation>
    </message>
    <message>
        <source>Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4.</source>
        <translation>メッセージ %1 (%2 KB) は上限の %3 KB を超えているため、%4 に残しました。</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s) remain on the server for the next cycles.</source>
        <translation>
            <numerusform>新着メッセージ %n 通を次以降のサイクル用にサーバーに残しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 refused to send message %2: %3</source>
        <translation>%1 がメッセージ %2 の送信を拒否しました: %3</translation>
    </message>
    <message>
        <source>Message %1 (%2 bytes) stored as %3.</source>
        <translation>メッセージ %1 (%2 バイト) を %3 として保存しました。</translation>
    </message>
    <message>
        <source>%1 refused to delete message %2: %3</source>
        <translation>%1 がメッセージ %2 の削除を拒否しました: %3</translation>
    </message>
    <message>
        <source>Cannot store mail from %1: %2. Retrieval stopped; undelivered messages stay on the server.</source>
        <translation>%1 のメールを保存できません: %2。取得を止めました。未処理のメッセージはサーバーに残っています。</translation>
    </message>
    <message>
        <source>%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation>%1 が QUIT を確定しなかったため (%2)、何も削除していません。保存済みのメッセージは次のサイクルで再取得せずに削除します。</translation>
    </message>
    <message>
        <source>Cannot find the POP3 server %1: %2</source>
        <translation>POP3 サーバー %1 が見つかりません: %2</translation>
    </message>
    <message>
        <source>Cannot connect to %1 port %2: %3</source>
        <translation>%1 ポート %2 に接続できません: %3</translation>
    </message>
    <message>
        <source>%1 closed the connection unexpectedly</source>
        <translation>%1 が予期せず接続を閉じました</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>%1 の証明書を信頼できません: %2</translation>
    </message>
    <message>
        <source>TLS with %1 port %2 failed: %3</source>
        <translation>%1 ポート %2 との TLS に失敗しました: %3</translation>
    </message>
    <message>
        <source>%1 stopped answering: %2</source>
        <translation>%1 が応答しなくなりました: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Retrieval of %1 was cancelled.</source>
        <translation>%1 の取得を取り消しました。</translation>
    </message>
    <message>
        <source>%1: %2 new message(s) stored, %3 deleted from the server, %4 left there.</source>
        <translation>%1: 新着 %2 通を保存、サーバーから %3 通を削除、%4 通を残しました。</translation>
    </message>
    <message>
        <source>Message %1 was larger than the limit of %2 KB when it was retrieved before, although %3 lists it as %4 bytes; it stays on the server and is not downloaded again.</source>
        <translation>メッセージ %1 は、%3 の一覧では %4 バイトとなっていますが、以前取得したときに上限の %2 KB を超えていました。サーバーに残し、再びダウンロードしません。</translation>
    </message>
    <message>
        <source>Message %1 is larger than the limit of %2 KB, although %3 listed it as %4 bytes; it was left on the server.</source>
        <translation>メッセージ %1 は、%3 の一覧では %4 バイトとなっていましたが、上限の %2 KB を超えています。サーバーに残しました。</translation>
    </message>
    <message>
        <source>%1 went on sending message %2 far beyond the limit of %3 KB, so the connection was dropped. Messages already stored are deleted from the server on the next cycle; the others are retrieved then.</source>
        <translation>%1 がメッセージ %2 を上限の %3 KB を大きく超えて送り続けたため、接続を切断しました。保存済みのメッセージは次のサイクルでサーバーから削除し、残りのメッセージはそのときに取得します。</translation>
    </message>
    <message>
        <source>%1 answered QUIT with &quot;%2&quot;, so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation>%1 が QUIT に「%2」と応答したため、何も削除していません。保存済みのメッセージは次のサイクルで再取得せずに削除します。</translation>
    </message>
    <message>
        <source>%1 did not answer QUIT before the connector stopped, so it deleted nothing. The stored messages are deleted on the next cycle without being retrieved again.</source>
        <translation>コネクタの停止までに %1 が QUIT に応答しなかったため、何も削除していません。保存済みのメッセージは次のサイクルで再取得せずに削除します。</translation>
    </message>
    <message numerus="yes">
        <source>Retrieval of %1 was stopped with %n message(s) still arriving; they stay on the server for the next cycle.</source>
        <translation>
            <numerusform>%n 通のメッセージを受信している途中で %1 の取得を停止しました。これらのメッセージは次のサイクルまでサーバーに残ります。</numerusform>
        </translation>
    </message>
    <message>
        <source>status %1, scope %2</source>
        <translation>ステータス %1、スコープ %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>an error challenge that is not JSON</source>
        <translation>JSON ではないエラー チャレンジ</translation>
    </message>
    <message>
        <source>%1 refused the access token of %2</source>
        <translation>%1 が %2 のアクセス トークンを拒否しました</translation>
    </message>
    <message>
        <source>%1 deletes messages as soon as they are retrieved (EXPIRE 0), but the mailbox is set to leave them on the server.</source>
        <translation>%1 は取得したメッセージをすぐに削除します (EXPIRE 0) が、メールボックスはサーバーに残す設定です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 deletes retrieved messages after %n day(s) (EXPIRE), sooner than the mailbox is set to keep them.</source>
        <translation>
            <numerusform>%1 は取得したメッセージを %n 日後に削除します (EXPIRE)。メールボックスで設定した保存期間より短くなります。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 allows a login every %2 minute(s); the schedule retrieves every %3 minute(s).</source>
        <translation>%1 はログインを %2 分に 1 回しか許しませんが、スケジュールは %3 分ごとに取得します。</translation>
    </message>
    <message>
        <source>Message %1 is larger than the limit of %2 KB, although %3 listed it as %4 bytes; it was left on the server. It is not downloaded again.</source>
        <translation>メッセージ %1 は、%3 の一覧では %4 バイトとなっていましたが、上限の %2 KB を超えています。サーバーに残しました。再びダウンロードしません。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;</source>
        <translation>%1: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxSignIn</name>
    <message>
        <source>Sign in to the provider for %1 in your browser; this window waits.</source>
        <translation>%1 のために、ブラウザーでプロバイダーにサインインしてください。このウィンドウはサインインの完了を待っています。</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in for %1: %2</source>
        <translation>%1 のサインインには、このアドレスをブラウザーで開いてください: %2</translation>
    </message>
    <message>
        <source>%1 is signed in. The service keeps the sign-in and renews its access by itself.</source>
        <translation>%1 はサインイン済みです。サービスがサインインを保持し、アクセスを自動的に更新します。</translation>
    </message>
    <message>
        <source>The sign-in for %1 did not succeed: %2</source>
        <translation>%1 のサインインに失敗しました: %2</translation>
    </message>
    <message>
        <source>The sign-in for %1 cannot start: %2</source>
        <translation>%1 のサインインを開始できません: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MailboxesTab</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>配信先</translation>
    </message>
    <message>
        <source>Last retrieval</source>
        <translation>最終取得</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) for %1</source>
        <translation>
            <numerusform>%1 のルール %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message numerus="yes">
        <source>OK: %n new</source>
        <translation>
            <numerusform>OK: 新着 %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>Global</source>
        <translation>グローバル</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation>メールボックスの削除</translation>
    </message>
    <message>
        <source>Remove mailbox %1? Mail already retrieved stays in the spool; mail on the server is no longer retrieved.</source>
        <translation>メールボックス %1 を削除しますか? 取得済みのメールはスプールに残ります。サーバー上のメールは今後取得されません。</translation>
    </message>
    <message>
        <source>Mail is left in the PickUp folder (%1) for another mail server to take.</source>
        <translation>メールは PickUp フォルダー (%1) に置かれ、別のメール サーバーが取り出します。</translation>
    </message>
    <message>
        <source>Mail is delivered by %1 to %2.</source>
        <translation>メールは %1 で %2 に配信されます。</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Passwords go to the service, never into the configuration file.</source>
        <translation>パスワードはサービスに渡され、設定ファイルには書かれません。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation>サービスは設定を受け付けませんでした:
%1</translation>
    </message>
    <message>
        <source>The mailbox was saved, but the service could not store its password: %1

It cannot be retrieved until a password is stored; open the mailbox again and enter it, or set password_file for mailbox %2.</source>
        <translation>メールボックスは保存されましたが、サービスはパスワードを保存できませんでした: %1

パスワードが保存されるまでメールは取得できません。メールボックスを開いてパスワードを入力し直すか、メールボックス %2 に password_file を設定してください。</translation>
    </message>
    <message>
        <source>The service could not store the delivery password: %1</source>
        <translation>サービスは配信用のパスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Sign in to the provider in the browser, for a mailbox that logs in with OAuth 2.0; again when the provider asks for it.</source>
        <translation>OAuth 2.0 でログインするメールボックスのために、ブラウザーでプロバイダーにサインインします。プロバイダーから求められたときは再度サインインしてください。</translation>
    </message>
    <message>
        <source>POP3 mailboxes</source>
        <translation>POP3 メールボックス</translation>
    </message>
    <message>
        <source>The mailboxes the connector retrieves, with where their mail goes and how the last retrieval went.</source>
        <translation>コネクタが取得するメールボックスの一覧です。配信先と前回の取得結果を表示します。</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>追加(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>編集(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>接続テスト(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;ign in...</source>
        <translation>サインイン(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Delivery...</source>
        <translation>配信(&amp;D)...</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MainWindow</name>
    <message>
        <source>About POP3 Connector</source>
        <translation>POP3 コネクタについて</translation>
    </message>
    <message>
        <source>POP3 Connector %1
Moves mail from POP3 mailboxes at a provider into the office&apos;s mail server.
Configuration: %2</source>
        <translation>POP3 コネクタ %1
プロバイダーの POP3 メールボックスから社内のメール サーバーへメールを移します。
構成: %2</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>サービス(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Start connector</source>
        <translation>コネクタの開始</translation>
    </message>
    <message>
        <source>Stop delivery</source>
        <translation>配信の停止</translation>
    </message>
    <message>
        <source>Start delivery</source>
        <translation>配信の開始</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>working</source>
        <translation>処理中</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>待機</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>転送</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>配信</translation>
    </message>
    <message>
        <source>Next run %1</source>
        <translation>次回 %1</translation>
    </message>
    <message>
        <source>Start the connector</source>
        <translation>コネクタの開始</translation>
    </message>
    <message>
        <source>The connector of %1 is the system service; an administrator starts it.

%2</source>
        <translation>%1 のコネクタはシステムサービスです。管理者が開始します。

%2</translation>
    </message>
    <message>
        <source>POP3 Connector Manager - %1</source>
        <translation>POP3 コネクタ マネージャー - %1</translation>
    </message>
    <message>
        <source>The connector is not running (%1). The manager connects to it as soon as it runs; nothing is lost meanwhile.</source>
        <translation>コネクタは動作していません (%1)。動作を始めるとマネージャーは自動的に接続します。その間に失われるものはありません。</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>It is the system service; an administrator starts it. %1</source>
        <translation>システムサービスです。管理者が開始します。%1</translation>
    </message>
    <message>
        <source>Connector not running</source>
        <translation>コネクタ停止中</translation>
    </message>
    <message>
        <source>Connector running: pid %1, user %2, version %3</source>
        <translation>コネクタ動作中: PID %1、ユーザー %2、バージョン %3</translation>
    </message>
    <message>
        <source>The button starts it for this user. %1</source>
        <translation>ボタンでこのユーザーのコネクタを開始できます。%1</translation>
    </message>
    <message>
        <source>First-run &amp;assistant...</source>
        <translation>初期設定アシスタント(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>メールボックス(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation>スケジュール(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Troubleshooting</source>
        <translation>トラブルシューティング(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Retrieve now</source>
        <translation>今すぐ取得(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>システムの言語(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About POP3 Connector</source>
        <translation>POP3 コネクタについて(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;pool (%1)</source>
        <translation>スプール(&amp;P) (%1)</translation>
    </message>
    <message>
        <source>S&amp;pool</source>
        <translation>スプール(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::MessageJournal</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Incoming Mail (受信)</translation>
    </message>
    <message>
        <source>PickUp</source>
        <translation>PickUp (配信待ち)</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>配信済み</translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail (振り分け失敗)</translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail (配信拒否)</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>%1; still on the server</source>
        <translation>%1 (サーバーにもまだ残っています)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::NotificationMail</name>
    <message>
        <source>POP3 Connector: %1: resolved</source>
        <translation>POP3 コネクタ: %1: 解消しました</translation>
    </message>
    <message>
        <source>POP3 Connector: %1: %2</source>
        <translation>POP3 コネクタ: %1: %2</translation>
    </message>
    <message>
        <source>POP3 Connector found a problem with %1 on %2.

Since: %3
What happened: %4
Event %5: %6

Cause: %7

What to do: %8
</source>
        <translation>POP3 コネクタ (%2) で %1 に問題が起きています。

発生: %3
内容: %4
イベント %5: %6

原因: %7

対処: %8
</translation>
    </message>
    <message>
        <source>The problem with %1 on %2 is resolved.

Resolved: %3
The problem was: %4
</source>
        <translation>%2 の %1 の問題は解消しました。

解消: %3
問題の内容: %4
</translation>
    </message>
    <message>
        <source>Other problems open now:</source>
        <translation>ほかに続いている問題:</translation>
    </message>
    <message>
        <source>You receive this because this address is the administrator_address of the connector. Each problem is reported at most once an hour; pop3connectorctl diagnose tells the state at any time.</source>
        <translation>このアドレスがコネクタの administrator_address に設定されているため、このメールが届きました。同じ問題の報告は 1 時間に 1 回までです。現在の状態はいつでも pop3connectorctl diagnose で確かめられます。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::NotificationPolicy</name>
    <message>
        <source>mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <source>transfer to PickUp</source>
        <translation>PickUp への転送</translation>
    </message>
    <message>
        <source>delivery to the local mail server</source>
        <translation>ローカル メール サーバーへの配信</translation>
    </message>
    <message numerus="yes">
        <source>The local mail server deferred %n message(s); none was delivered.</source>
        <translation>
            <numerusform>ローカル メール サーバーが %n 通のメッセージを保留し、1 通も配信できませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail (振り分け失敗)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be routed and were put in Failed Mail.</source>
        <translation>
            <numerusform>%n 通のメッセージを配信先に振り分けられず、Failed Mail に移しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail (配信拒否)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were rejected by the local mail server and put in BadMail.</source>
        <translation>
            <numerusform>%n 通のメッセージがローカル メール サーバーに拒否され、BadMail に移しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>the spool&apos;s disk</source>
        <translation>スプールのディスク</translation>
    </message>
    <message>
        <source>%1 MB free of %2 MB.</source>
        <translation>空きは %2 MB 中 %1 MB です。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Notifier</name>
    <message>
        <source>Report to %1 put in PickUp: %2</source>
        <translation>%1 宛ての報告を PickUp に置きました: %2</translation>
    </message>
    <message>
        <source>The report to %1 could not be put in PickUp: %2</source>
        <translation>%1 宛ての報告を PickUp に置けませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PasswordRequests</name>
    <message>
        <source>the delivery login reads its password from %1 (password_file); change that file, or remove password_file</source>
        <translation>配信用ログインのパスワードは %1 (password_file) から読み取っています。そのファイルを変更するか、password_file を削除してください</translation>
    </message>
    <message>
        <source>the configuration has no mailbox %1 (and it is not &quot;delivery&quot;)</source>
        <translation>構成にメールボックス %1 がありません (「delivery」でもありません)</translation>
    </message>
    <message>
        <source>mailbox %1 reads its password from %2 (password_file); change that file, or remove password_file</source>
        <translation>メールボックス %1 のパスワードは %2 (password_file) から読み取っています。そのファイルを変更するか、password_file を削除してください</translation>
    </message>
    <message>
        <source>a password is one line, not empty</source>
        <translation>パスワードは空でない 1 行で指定してください</translation>
    </message>
    <message>
        <source>the password could not be stored in %1: %2</source>
        <translation>パスワードを %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>The password of %1 was stored in %2 by %3.</source>
        <translation>%3 が %1 のパスワードを %2 に保存しました。</translation>
    </message>
    <message>
        <source>the password could not be removed from %1: %2</source>
        <translation>パスワードを %1 から削除できませんでした: %2</translation>
    </message>
    <message>
        <source>The password of %1 was removed from %2 by %3.</source>
        <translation>%3 が %1 のパスワードを %2 から削除しました。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupEnvelope</name>
    <message>
        <source>the sender %1 is not a valid address: %2</source>
        <translation>送信者 %1 は有効なアドレスではありません: %2</translation>
    </message>
    <message>
        <source>the envelope has no recipient</source>
        <translation>エンベロープに受信者がありません</translation>
    </message>
    <message>
        <source>the recipient %1 is not a valid address: %2</source>
        <translation>受信者 %1 は有効なアドレスではありません: %2</translation>
    </message>
    <message>
        <source>the recipient %1 is named twice</source>
        <translation>受信者 %1 が重複しています</translation>
    </message>
    <message>
        <source>the file does not begin with an x-sender line</source>
        <translation>ファイルが x-sender 行で始まっていません</translation>
    </message>
    <message>
        <source>line %1 of the envelope: x-sender is not alone on the first line</source>
        <translation>エンベロープの %1 行目: x-sender は 1 行目に 1 つだけ置けます</translation>
    </message>
    <message>
        <source>the envelope is cut off in line %1</source>
        <translation>エンベロープが %1 行目で途切れています</translation>
    </message>
    <message>
        <source>line %1 of the envelope holds a bare CR or LF</source>
        <translation>エンベロープの %1 行目に単独の CR または LF があります</translation>
    </message>
    <message>
        <source>line %1 of the envelope has no &lt;path&gt;</source>
        <translation>エンベロープの %1 行目に &lt;path&gt; がありません</translation>
    </message>
    <message>
        <source>line %1 of the envelope names the null path as a recipient</source>
        <translation>エンベロープの %1 行目で、受信者にヌル パスが指定されています</translation>
    </message>
    <message>
        <source>line %1 of the envelope: %2 is not a valid address: %3</source>
        <translation>エンベロープの %1 行目: %2 は有効なアドレスではありません: %3</translation>
    </message>
    <message>
        <source>line %1 of the envelope: %2 is not written as the connector writes it</source>
        <translation>エンベロープの %1 行目: %2 はコネクタが書き込む形式になっていません</translation>
    </message>
    <message>
        <source>line %1 of the envelope names %2 again</source>
        <translation>エンベロープの %1 行目で %2 が重複しています</translation>
    </message>
    <message>
        <source>the envelope has no x-receiver line</source>
        <translation>エンベロープに x-receiver 行がありません</translation>
    </message>
    <message>
        <source>no message follows the envelope</source>
        <translation>エンベロープの後にメッセージがありません</translation>
    </message>
    <message>
        <source>the line after the envelope is an envelope line in another form</source>
        <translation>エンベロープの次の行が、形式の異なるエンベロープ行になっています</translation>
    </message>
    <message>
        <source>the envelope is longer than %1 MB</source>
        <translation>エンベロープが %1 MB を超えています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupFiles</name>
    <message>
        <source>%1 changed while it was copied (%2 bytes, %3 expected)</source>
        <translation>%1 はコピー中に変更されました (%2 バイト、想定は %3 バイト)</translation>
    </message>
    <message>
        <source>%1 holds %2 bytes, but %3 were written</source>
        <translation>%1 のサイズは %2 バイトですが、書き込んだのは %3 バイトです</translation>
    </message>
    <message>
        <source>every recipient has the message already</source>
        <translation>すべての受信者がすでにメッセージを受け取っています</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::PickupShare</name>
    <message>
        <source>the file has no valid pickup envelope: %1</source>
        <translation>ファイルに有効な PickUp エンベロープがありません: %1</translation>
    </message>
    <message>
        <source>the message (%1 bytes) is larger than %2 accepts (%3 bytes)</source>
        <translation>メッセージ (%1 バイト) が %2 の受け付ける大きさ (%3 バイト) を超えています</translation>
    </message>
    <message>
        <source>an address is not ASCII and %1 does not support SMTPUTF8</source>
        <translation>ASCII 以外のアドレスがありますが、%1 は SMTPUTF8 に対応していません</translation>
    </message>
    <message>
        <source>Message %1: which recipients have it could not be recorded: %2</source>
        <translation>メッセージ %1: どの受信者に配信済みかを記録できませんでした: %2</translation>
    </message>
    <message>
        <source>still deferred after two days; last reply: %1</source>
        <translation>2 日たっても配信が保留されたままです。最後の応答: %1</translation>
    </message>
    <message>
        <source>Message %1 was deferred but its PickUp file could not be updated: %2</source>
        <translation>メッセージ %1 は保留になりましたが、PickUp のファイルを更新できませんでした: %2</translation>
    </message>
    <message>
        <source>Message %1 deferred for %2 (attempt %3, next in %4 minute(s)): %5</source>
        <translation>メッセージ %1 の %2 への配信を保留しました (%3 回目、次は %4 分後): %5</translation>
    </message>
    <message>
        <source>Message %1 delivered to %2.</source>
        <translation>メッセージ %1 を %2 に配信しました。</translation>
    </message>
    <message>
        <source>Message %1 was rejected (%2) but could not be moved to BadMail: %3</source>
        <translation>メッセージ %1 は拒否されました (%2) が、BadMail に移せませんでした: %3</translation>
    </message>
    <message>
        <source>Message %1 was moved to BadMail: %2</source>
        <translation>メッセージ %1 を BadMail に移しました: %2</translation>
    </message>
    <message>
        <source>Message %1 was not delivered to %2 and was moved to BadMail: %3</source>
        <translation>メッセージ %1 は %2 に配信できず、BadMail に移しました: %3</translation>
    </message>
    <message>
        <source>Message %1 was dealt with, but could not be removed from PickUp (%2); it may be delivered again.</source>
        <translation>メッセージ %1 は処理済みですが、PickUp から削除できませんでした (%2)。再び配信される可能性があります。</translation>
    </message>
    <message>
        <source>every recipient had it already</source>
        <translation>すべての受信者に配信済みでした</translation>
    </message>
    <message>
        <source>the local mail server rejected it: %1</source>
        <translation>ローカル メール サーバーが受け取りを拒否しました: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Pop3Session</name>
    <message numerus="yes">
        <source>(%n bytes of listing or message)</source>
        <translation>
            <numerusform>(一覧またはメッセージ %n バイト)</numerusform>
        </translation>
    </message>
    <message>
        <source>the server did not greet as a POP3 server does; it said &quot;%1&quot;</source>
        <translation>サーバーが POP3 サーバーのあいさつをしませんでした。「%1」と送ってきました</translation>
    </message>
    <message>
        <source>the server answered &quot;%1&quot; to %2, which is not a POP3 reply</source>
        <translation>サーバーが %2 に「%1」と応答しました。これは POP3 の応答ではありません</translation>
    </message>
    <message>
        <source>the reply is longer than %1 bytes</source>
        <translation>応答が %1 バイトを超えています</translation>
    </message>
    <message>
        <source>in its reply to %1, %2</source>
        <translation>%1 への応答で、%2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Reader</name>
    <message>
        <source>&quot;%1&quot; is not allowed; use a whole number from %2 to %3</source>
        <translation>「%1」は使えません。%2 から %3 までの整数を指定してください</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use true or false</source>
        <translation>「%1」は使えません。true か false を指定してください</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; use one of: %2</source>
        <translation>「%1」は使えません。次のいずれかを指定してください: %2</translation>
    </message>
    <message>
        <source>unknown key; the keys of this section are: %1</source>
        <translation>不明なキーです。このセクションのキーは次のとおりです: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address (%2); write user@domain</source>
        <translation>「%1」はアドレスではありません (%2)。user@domain の形で書いてください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::RecoveryReport</name>
    <message>
        <source>Recovered the spool after an interruption: %1 stored message(s) moved into Incoming Mail, %2 incomplete file(s) removed.</source>
        <translation>中断後のスプールを復旧しました: 保存済みメッセージ %1 通を Incoming Mail に移し、不完全なファイル %2 個を削除しました。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Router</name>
    <message>
        <source>the message has passed through this connector %1 times; it is looping</source>
        <translation>このメッセージはこのコネクタを %1 回通過しています。ループしています</translation>
    </message>
    <message>
        <source>mailbox %1 has no local_mailbox</source>
        <translation>メールボックス %1 に local_mailbox がありません</translation>
    </message>
    <message>
        <source>no recipient of the message is in the accepted domains (%1)</source>
        <translation>メッセージのどの受信者も受け入れドメイン (%1) にありません</translation>
    </message>
    <message>
        <source>no routing rule matches %1</source>
        <translation>%1 に一致する振り分けルールがありません</translation>
    </message>
    <message>
        <source>the rule %1 -&gt; %2 gives no valid address for %3: %4</source>
        <translation>ルール %1 -&gt; %2 では、%3 に対して有効なアドレスになりません: %4</translation>
    </message>
    <message>
        <source>local_mailbox %1 of mailbox %2 is not a valid address: %3</source>
        <translation>メールボックス %2 の local_mailbox %1 は有効なアドレスではありません: %3</translation>
    </message>
    <message>
        <source>%1 is not a valid address: %2</source>
        <translation>%1 は有効なアドレスではありません: %2</translation>
    </message>
    <message>
        <source>Return-Path %1 is not a valid address: %2</source>
        <translation>Return-Path の %1 は有効なアドレスではありません: %2</translation>
    </message>
    <message>
        <source>the message has no From address</source>
        <translation>メッセージに From アドレスがありません</translation>
    </message>
    <message>
        <source>From %1 is not a valid address: %2</source>
        <translation>From の %1 は有効なアドレスではありません: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1 and no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation>%1。また、配信不能メール用メールボックス (undeliverable_mailbox) が設定されていません</translation>
    </message>
    <message>
        <source>%1 and undeliverable_mailbox %2 is not a valid address: %3</source>
        <translation>%1。また、undeliverable_mailbox の %2 は有効なアドレスではありません: %3</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ScanListing</name>
    <message>
        <source>a LIST line is not valid: &quot;%1&quot;</source>
        <translation>LIST の行が正しくありません: 「%1」</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ScheduleTab</name>
    <message numerus="yes">
        <source>Last cycle: %n new message(s)</source>
        <translation>
            <numerusform>前回のサイクル: 新着 %n 通</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n delivered</source>
        <translation>
            <numerusform>、配信 %n 通</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n problem(s).</source>
        <translation>
            <numerusform>、問題 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieve mail every (minutes):</source>
        <translation>メールの取得間隔 (分):</translation>
    </message>
    <message>
        <source>Retrieve on this schedule</source>
        <translation>このスケジュールで取得する</translation>
    </message>
    <message>
        <source>Retrieve now</source>
        <translation>今すぐ取得</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ量</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>Logging in</source>
        <translation>ログイン中</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>一覧取得中</translation>
    </message>
    <message>
        <source>Retrieving</source>
        <translation>取得中</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>終了処理中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Retrieving mail now.</source>
        <translation>メールを取得しています。</translation>
    </message>
    <message>
        <source>Next retrieval: %1</source>
        <translation>次回の取得: %1</translation>
    </message>
    <message>
        <source>No retrieval is scheduled; use Retrieve now.</source>
        <translation>取得の予定はありません。[今すぐ取得] を使ってください。</translation>
    </message>
    <message>
        <source>Retrieval was cancelled; what was stored is delivered.</source>
        <translation>取得はキャンセルされました。保存済みのメールは配信されます。</translation>
    </message>
    <message>
        <source>The service did not take the schedule: %1</source>
        <translation>サービスはスケジュールを受け付けませんでした: %1</translation>
    </message>
    <message>
        <source>The connector is not running.</source>
        <translation>コネクタは動作していません。</translation>
    </message>
    <message>
        <source>Retrieval progress</source>
        <translation>取得の進行状況</translation>
    </message>
    <message>
        <source>Each mailbox&apos;s progress in the running retrieval.</source>
        <translation>実行中の取得における各メールボックスの進行状況です。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ServiceChecks</name>
    <message>
        <source>The service runs as %1, process %2</source>
        <translation>サービスはユーザー %1、プロセス %2 として実行されています</translation>
    </message>
    <message>
        <source>Delivery to the local mail server is on</source>
        <translation>ローカル メール サーバーへの配信は有効です</translation>
    </message>
    <message>
        <source>Delivery to the local mail server was stopped by an administrator</source>
        <translation>ローカル メール サーバーへの配信は管理者によって停止されています</translation>
    </message>
    <message>
        <source>mail collects in PickUp</source>
        <translation>メールは PickUp にたまります</translation>
    </message>
    <message>
        <source>Start it again: pop3connectorctl delivery start</source>
        <translation>再開してください: pop3connectorctl delivery start</translation>
    </message>
    <message>
        <source>No schedule: mail is retrieved only when someone asks</source>
        <translation>スケジュールがありません。メールは要求されたときにしか取得されません</translation>
    </message>
    <message>
        <source>Set schedule_enabled = true in [connector], unless cycles are started on purpose (pop3connectorctl retrieve-now).</source>
        <translation>意図的に手動でサイクルを開始している (pop3connectorctl retrieve-now) のでなければ、[connector] で schedule_enabled = true にしてください。</translation>
    </message>
    <message numerus="yes">
        <source>A cycle runs every %n minute(s)</source>
        <translation>
            <numerusform>サイクルは %n 分ごとに実行されます</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>started %1, took %n second(s)</source>
        <translation>
            <numerusform>%1 に開始、所要時間 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>The last cycle took longer than the interval</source>
        <translation>前回のサイクルが実行間隔より長くかかりました</translation>
    </message>
    <message>
        <source>Raise interval_minutes, or lower max_messages_per_cycle so that one cycle ends before the next is due; look for a slow mailbox in the event log.</source>
        <translation>次のサイクルの前に終わるよう、interval_minutes を大きくするか max_messages_per_cycle を小さくしてください。遅いメールボックスがないかイベント ログも確認してください。</translation>
    </message>
    <message>
        <source>The last cycle finished in time</source>
        <translation>前回のサイクルは間隔内に終わりました</translation>
    </message>
    <message>
        <source>The last retrieval of %1 failed</source>
        <translation>%1 の前回の取得は失敗しました</translation>
    </message>
    <message>
        <source>See the findings of mailbox %1 below: if they pass now, the problem has gone since.</source>
        <translation>下のメールボックス %1 の結果を参照してください。現在合格していれば、問題はその後解消しています。</translation>
    </message>
    <message>
        <source>A problem with %1 since %2</source>
        <translation>%2 から %1 に問題が起きています</translation>
    </message>
    <message>
        <source>%1 (reported to the administrator)</source>
        <translation>%1 (管理者に報告済み)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::ServiceController</name>
    <message>
        <source>%1 is not there or cannot be run.</source>
        <translation>%1 が見つからないか、実行できません。</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 を開始できませんでした。</translation>
    </message>
    <message>
        <source>no service answers</source>
        <translation>応答するサービスがありません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SignInRequests</name>
    <message>
        <source>the configuration has no mailbox %1 (and it is not &quot;delivery&quot;)</source>
        <translation>構成にメールボックス %1 がありません (「delivery」でもありません)</translation>
    </message>
    <message>
        <source>%1 logs in with a password; set auth = xoauth2 or oauthbearer in its section first</source>
        <translation>%1 はパスワードでログインする設定です。先にそのセクションで auth = xoauth2 または oauthbearer を設定してください</translation>
    </message>
    <message>
        <source>a refresh token is one line, not empty</source>
        <translation>リフレッシュ トークンは空でない 1 行で指定してください</translation>
    </message>
    <message>
        <source>the sign-in could not be stored in %1: %2</source>
        <translation>サインイン情報を %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>The sign-in of %1 was stored in %2 by %3.</source>
        <translation>%3 が %1 のサインイン情報を %2 に保存しました。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SmtpConnection</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>(message body)</source>
        <translation>(メッセージ本文)</translation>
    </message>
    <message>
        <source>the server sent &quot;%1&quot;, which is not an SMTP reply</source>
        <translation>サーバーが「%1」を送ってきました。これは SMTP の応答ではありません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SocketChannel</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 に PEM 形式の証明書がありません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Spool</name>
    <message>
        <source>%1 left in place: the ledger of mailbox %2 cannot be read</source>
        <translation>%1 はそのままにしました: メールボックス %2 の台帳を読めません</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the spool are readable by other users and cannot be made private: %1</source>
        <translation>
            <numerusform>スプールのファイル %n 個を他のユーザーが読める状態で、非公開にできません: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolBrowser</name>
    <message>
        <source>From: %1
To: %2
Subject: %3
Date: %4
</source>
        <translation>差出人: %1
宛先: %2
件名: %3
日付: %4
</translation>
    </message>
    <message>
        <source>Reason: %1
</source>
        <translation>理由: %1
</translation>
    </message>
    <message>
        <source>only messages in Failed Mail or BadMail can be requeued</source>
        <translation>再処理できるのは Failed Mail と BadMail のメッセージだけです</translation>
    </message>
    <message>
        <source>message %1 is no longer in %2</source>
        <translation>メッセージ %1 はもう %2 にありません</translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured (undeliverable_mailbox)</source>
        <translation>配信不能メール用メールボックス (undeliverable_mailbox) が設定されていません</translation>
    </message>
    <message>
        <source>POP3 Connector could not deliver the attached message as it was.

Folder: %1
Reason: %2
Mailbox: %3
Retrieved: %4

The original is attached as original.eml.
</source>
        <translation>POP3 コネクタは、添付のメッセージをそのままでは配信できませんでした。

フォルダー: %1
理由: %2
メールボックス: %3
取得日時: %4

元のメッセージを original.eml として添付しています。
</translation>
    </message>
    <message>
        <source>Undeliverable message: %1</source>
        <translation>配信できなかったメッセージ: %1</translation>
    </message>
    <message>
        <source>Requested by %1.</source>
        <translation>%1 の操作です。</translation>
    </message>
    <message>
        <source>Message %1 requeued from %2 to %3.</source>
        <translation>メッセージ %1 を %2 から %3 に戻して再処理します。</translation>
    </message>
    <message>
        <source>Message %1 requeued from %2 to %3 as %4.</source>
        <translation>メッセージ %1 を %2 から %3 に %4 として戻して再処理します。</translation>
    </message>
    <message>
        <source>Message %1 of %2 copied to %3.</source>
        <translation>%2 のメッセージ %1 を %3 にコピーしました。</translation>
    </message>
    <message>
        <source>Message %1 deleted from %2.</source>
        <translation>メッセージ %1 を %2 から削除しました。</translation>
    </message>
    <message>
        <source>Message %1 of %2 attached to message %3 in PickUp for %4.</source>
        <translation>%2 のメッセージ %1 を、PickUp にある %4 宛てのメッセージ %3 に添付しました。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolChecks</name>
    <message>
        <source>Folder %1 is missing</source>
        <translation>フォルダー %1 がありません</translation>
    </message>
    <message>
        <source>Restart the service: it recreates its folders. Until then nothing can be stored or delivered through this folder.</source>
        <translation>サービスを再起動してください。フォルダーが作り直されます。それまでこのフォルダーを通じた保存や配信はできません。</translation>
    </message>
    <message>
        <source>Folder %1 belongs to another user</source>
        <translation>フォルダー %1 の所有者が別のユーザーです</translation>
    </message>
    <message>
        <source>%1 is owned by user id %2</source>
        <translation>%1 の所有者はユーザー ID %2 です</translation>
    </message>
    <message>
        <source>Give it back to the service user: chown -R USER %1</source>
        <translation>所有者をサービス ユーザーに戻してください: chown -R ユーザー %1</translation>
    </message>
    <message>
        <source>Folder %1 is not writable</source>
        <translation>フォルダー %1 に書き込めません</translation>
    </message>
    <message>
        <source>Make it writable for the service user: chmod 700 %1</source>
        <translation>サービス ユーザーが書き込めるようにしてください: chmod 700 %1</translation>
    </message>
    <message>
        <source>Folder %1 is in order</source>
        <translation>フォルダー %1 は正常です</translation>
    </message>
    <message>
        <source>No message waits longer than two cycles</source>
        <translation>2 サイクルより長く待機しているメッセージはありません</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in Incoming Mail and PickUp</source>
        <translation>
            <numerusform>Incoming Mail と PickUp に %n 通のメッセージ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waited longer than two cycles</source>
        <translation>
            <numerusform>%n 通のメッセージが 2 サイクルより長く待機しています</numerusform>
        </translation>
    </message>
    <message>
        <source>In Incoming Mail: the transfer stage is stopped or fails on them (see the event log). In PickUp: delivery is stopped, or the local mail server defers them; check the Delivery findings below.</source>
        <translation>Incoming Mail の場合: 転送段階が停止しているか、これらのメッセージで失敗しています (イベント ログを参照)。PickUp の場合: 配信が停止しているか、ローカル メール サーバーが保留しています。下の「配信」の結果を確認してください。</translation>
    </message>
    <message>
        <source>No file was renamed by another program</source>
        <translation>ほかのプログラムに名前を変更されたファイルはありません</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) renamed or left by another program</source>
        <translation>
            <numerusform>%n 個のファイルがほかのプログラムによって名前を変更されたか、残されています</numerusform>
        </translation>
    </message>
    <message>
        <source>An antivirus or backup program renamed or removed spool files, so the connector ignores them. Exclude the spool from scanning, then give each message its &quot;.eml&quot; name back (or move it out, if it is really infected).</source>
        <translation>ウイルス対策ソフトやバックアップ ソフトがスプールのファイルの名前を変更または削除したため、コネクターはそれらを無視しています。スプールをスキャン対象から除外し、各メッセージの名前を「.eml」に戻してください (本当に感染している場合はスプールの外に移してください)。</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%2 のうち %1 が空き</translation>
    </message>
    <message>
        <source>Free space on the file system of %1, or move the spool to a larger one (the spool key).</source>
        <translation>%1 のファイル システムの空き容量を増やすか、スプールをより大きなファイル システムに移してください (spool キー)。</translation>
    </message>
    <message>
        <source>Less than %1 free in the spool</source>
        <translation>スプールの空き容量が %1 未満です</translation>
    </message>
    <message>
        <source>The spool&apos;s disk is nearly full</source>
        <translation>スプールのディスクがいっぱいになりかけています</translation>
    </message>
    <message>
        <source>Enough free space</source>
        <translation>空き容量は十分です</translation>
    </message>
    <message>
        <source>%1 of %2 inodes free</source>
        <translation>%2 個中 %1 個の inode が空き</translation>
    </message>
    <message>
        <source>Remove files on the file system of %1: it can hold no more files even with space left.</source>
        <translation>%1 のファイル システムのファイルを削除してください。空き容量があっても、これ以上ファイルを作成できません。</translation>
    </message>
    <message>
        <source>The spool&apos;s file system is out of inodes</source>
        <translation>スプールのファイル システムの inode が尽きています</translation>
    </message>
    <message>
        <source>The spool&apos;s file system is running out of inodes</source>
        <translation>スプールのファイル システムの inode が残り少なくなっています</translation>
    </message>
    <message>
        <source>Enough free inodes</source>
        <translation>inode の空きは十分です</translation>
    </message>
    <message>
        <source>The spool is in memory (%1)</source>
        <translation>スプールがメモリー上にあります (%1)</translation>
    </message>
    <message>
        <source>Everything in it, mail not yet delivered included, is gone at the next restart or power cut. Move the spool to a disk (the spool key).</source>
        <translation>まだ配信されていないメールを含め、スプール内のすべてが次の再起動や停電で失われます。スプールをディスク上に移してください (spool キー)。</translation>
    </message>
    <message>
        <source>The spool&apos;s file system keeps no journal</source>
        <translation>スプールのファイル システムがジャーナルを持っていません</translation>
    </message>
    <message>
        <source>%1 is on %2 without a journal</source>
        <translation>%1 はジャーナルのない %2 上にあります</translation>
    </message>
    <message>
        <source>After a power cut a rename can be left half done until fsck repairs it, and each new file is slowed by the files just removed, so the connector&apos;s own stages slow it down. Add a journal while the file system is unmounted (tune2fs -O has_journal /dev/%1), or move the spool to a journaled file system (the spool key).</source>
        <translation>停電の後、fsck が修復するまで名前の変更が途中のまま残ることがあります。また、新しいファイルを作るたびに直前に削除されたファイルの分だけ遅くなるため、コネクター自身の各段階が処理を遅くします。ファイル システムをアンマウントした状態でジャーナルを追加するか (tune2fs -O has_journal /dev/%1)、スプールをジャーナルのあるファイル システムに移してください (spool キー)。</translation>
    </message>
    <message>
        <source>The spool&apos;s file system keeps a journal</source>
        <translation>スプールのファイル システムはジャーナルを持っています</translation>
    </message>
    <message>
        <source>%1 is on %2</source>
        <translation>%1 は %2 上にあります</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolLock</name>
    <message>
        <source>the spool %1 is in use by %2 (process %3 on %4); stop it first, or give this connector another spool</source>
        <translation>スプール %1 は %2 (%4 のプロセス %3) が使用中です。先にそちらを停止するか、このコネクタに別のスプールを指定してください</translation>
    </message>
    <message>
        <source>cannot lock %1: check the permissions of the spool folder</source>
        <translation>%1 をロックできません: スプール フォルダーの権限を確認してください</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolModel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 時間前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 日前</numerusform>
        </translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(読み取れません)</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>取得日時</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>宛先</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <source>Spool name</source>
        <translation>スプール名</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolRequests</name>
    <message>
        <source>&quot;%1&quot; is not the name of a spool message</source>
        <translation>「%1」はスプールのメッセージ名ではありません</translation>
    </message>
    <message>
        <source>there is no spool folder &quot;%1&quot;; the folders are incoming, failed, pickup and badmail</source>
        <translation>スプール フォルダー「%1」はありません。フォルダーは incoming、failed、pickup、badmail です</translation>
    </message>
    <message>
        <source>no spool folder holds a message %1</source>
        <translation>メッセージ %1 はどのスプール フォルダーにもありません</translation>
    </message>
    <message>
        <source>message %1 is in more than one folder; name the folder</source>
        <translation>メッセージ %1 は複数のフォルダーにあります。フォルダーを指定してください</translation>
    </message>
    <message>
        <source>message %1 is not in %2</source>
        <translation>メッセージ %1 は %2 にありません</translation>
    </message>
    <message>
        <source>spoolList takes a folder: incoming, failed, pickup or badmail</source>
        <translation>spoolList にはフォルダーを指定してください: incoming、failed、pickup、badmail</translation>
    </message>
    <message>
        <source>name the messages (names)</source>
        <translation>メッセージを指定してください (names)</translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured ([connector] undeliverable_mailbox)</source>
        <translation>配信不能メール用メールボックス ([connector] の undeliverable_mailbox) が設定されていません</translation>
    </message>
    <message>
        <source>Message %1 was requeued from %2 by %3.</source>
        <translation>%3 がメッセージ %1 を %2 から再処理に回しました。</translation>
    </message>
    <message>
        <source>message %1 is no longer in %2</source>
        <translation>メッセージ %1 はもう %2 にありません</translation>
    </message>
    <message>
        <source>Message %1 was deleted from %2 by %3.</source>
        <translation>%3 がメッセージ %1 を %2 から削除しました。</translation>
    </message>
    <message>
        <source>Message %1 of %2 was sent to %3 as an attachment by %4.</source>
        <translation>%4 が %2 のメッセージ %1 を添付ファイルとして %3 に送りました。</translation>
    </message>
    <message>
        <source>Message %1 of %2 was exported by %3.</source>
        <translation>%3 がメッセージ %1 (%2) をエクスポートしました。</translation>
    </message>
    <message>
        <source>message %1 stays in %2: the mail server that reads PickUp (transport = pickup) could not take it as it is (%3)</source>
        <translation>メッセージ %1 は %2 に残ります: PickUp を読み取るメール サーバー (transport = pickup) がこのままでは受け取れません (%3)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::SpoolTab</name>
    <message>
        <source>Failed Mail goes back to Incoming Mail, BadMail back to PickUp.</source>
        <translation>Failed Mail は Incoming Mail に、BadMail は PickUp に戻します。</translation>
    </message>
    <message>
        <source>Attach the message to a new message for the undeliverable-mail mailbox.</source>
        <translation>メッセージを、配信不能メール用メールボックス宛ての新しいメッセージに添付します。</translation>
    </message>
    <message>
        <source>Incoming Mail</source>
        <translation>Incoming Mail (受信)</translation>
    </message>
    <message>
        <source>Failed Mail</source>
        <translation>Failed Mail (振り分け失敗)</translation>
    </message>
    <message>
        <source>PickUp</source>
        <translation>PickUp (配信待ち)</translation>
    </message>
    <message>
        <source>BadMail</source>
        <translation>BadMail (配信拒否)</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>メッセージのエクスポート</translation>
    </message>
    <message>
        <source>Export messages to</source>
        <translation>メッセージのエクスポート先</translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>メッセージの削除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n message(s) for good? They cannot be recovered.</source>
        <translation>
            <numerusform>%n 通のメッセージを完全に削除しますか? 元に戻せません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Spool</source>
        <translation>スプール</translation>
    </message>
    <message>
        <source>No undeliverable-mail mailbox is set. Set one in the Troubleshooting tab first.</source>
        <translation>配信不能メール用メールボックスが設定されていません。先に [トラブルシューティング] タブで設定してください。</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>処理しています...</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) requeued; they are delivered on the next cycle.</source>
        <translation>
            <numerusform>%n 通のメッセージを再処理に回しました。次のサイクルで配信されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported.</source>
        <translation>
            <numerusform>%n 通のメッセージをエクスポートしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) deleted.</source>
        <translation>
            <numerusform>%n 通のメッセージを削除しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) attached to new messages for the undeliverable-mail mailbox.</source>
        <translation>
            <numerusform>%n 通のメッセージを、配信不能メール用メールボックス宛ての新しいメッセージに添付しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Find in this folder</source>
        <translation>このフォルダー内を検索</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ一覧</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>メッセージのプレビュー</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... ほか %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Requeue messages</source>
        <translation>メッセージの再送</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) would go back to Failed Mail, because what sent them there is not fixed:</source>
        <translation>
            <numerusform>%n 件のメッセージは、Failed Mail に入った原因が直っていないため、再送しても Failed Mail に戻ります:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the cause first (the Troubleshooting tab&apos;s diagnostics help), or requeue anyway?</source>
        <translation>先に原因を直しますか (トラブルシューティング タブの診断が役立ちます)。それとも、このまま再送しますか?</translation>
    </message>
    <message>
        <source>Nothing was requeued.</source>
        <translation>再送したメッセージはありません。</translation>
    </message>
    <message>
        <source>Spool folders</source>
        <translation>スプール フォルダー</translation>
    </message>
    <message>
        <source>The spool&apos;s folders with how many messages each holds.</source>
        <translation>スプールの各フォルダーと、それぞれのメッセージ数です。</translation>
    </message>
    <message>
        <source>The messages of the chosen folder. Delete deletes the selected ones after asking.</source>
        <translation>選択したフォルダーのメッセージです。Delete キーを押すと、確認のうえ選択したメッセージを削除します。</translation>
    </message>
    <message>
        <source>The header and text of the selected message.</source>
        <translation>選択したメッセージのヘッダーと本文です。</translation>
    </message>
    <message>
        <source>Spool status</source>
        <translation>スプールの状態</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>再処理(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport .eml...</source>
        <translation>.eml のエクスポート(&amp;X)...</translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation>削除(&amp;D)...</translation>
    </message>
    <message>
        <source>Send to &amp;undeliverable mailbox</source>
        <translation>配信不能メール用メールボックスへ送る(&amp;U)</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>差出人: %1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>宛先: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日付: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TokenBroker</name>
    <message>
        <source>the delivery login</source>
        <translation>配信用ログイン</translation>
    </message>
    <message>
        <source>mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <source>the access token of %1 could not be renewed (%2); the next attempt is at %3</source>
        <translation>%1 のアクセス トークンを更新できませんでした (%2)。次の試行は %3 です</translation>
    </message>
    <message>
        <source>nobody has signed in for %1 yet; sign in in the manager or with: pop3connectorctl authorize %2</source>
        <translation>%1 にはまだ誰もサインインしていません。マネージャーで、または次のコマンドでサインインしてください: pop3connectorctl authorize %2</translation>
    </message>
    <message>
        <source>the sign-in of %1 cannot be read from the password store: %2</source>
        <translation>%1 のサインイン情報をパスワード ストアから読み取れません: %2</translation>
    </message>
    <message>
        <source>the provider withdrew the sign-in of %1 (%2); sign in again in the manager or with: pop3connectorctl authorize %3</source>
        <translation>プロバイダーが %1 のサインインを取り消しました (%2)。マネージャーで、または次のコマンドでもう一度サインインしてください: pop3connectorctl authorize %3</translation>
    </message>
    <message>
        <source>the access token of %1 could not be renewed at %2: %3</source>
        <translation>%1 のアクセス トークンを %2 で更新できませんでした: %3</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TokenClient</name>
    <message>
        <source>%1 is not a web address</source>
        <translation>%1 は Web アドレスではありません</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 が HTTP %2 を返しました</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 に接続できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrackingRequests</name>
    <message>
        <source>the service has no message journal yet</source>
        <translation>サービスにはまだメッセージ追跡記録がありません</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrackingView</name>
    <message>
        <source>Message-ID, sender, recipient, subject or spool name (empty: every message)</source>
        <translation>Message-ID、差出人、宛先、件名、スプール名 (空欄: すべてのメッセージ)</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 日間</translation>
    </message>
    <message>
        <source>All that is kept</source>
        <translation>保存されているすべて</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Open in the Spool tab</source>
        <translation>[スプール] タブで開く</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最終処理</translation>
    </message>
    <message>
        <source>Where it is now</source>
        <translation>現在の場所</translation>
    </message>
    <message>
        <source>From</source>
        <translation>差出人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Spool name</source>
        <translation>スプール名</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>処理</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found in %1 ms.</source>
        <translation>
            <numerusform>%n 通のメッセージが見つかりました (%1 ms)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Where is a message? Search the service&apos;s message journal.</source>
        <translation>メッセージの行方を、サービスのメッセージ追跡記録から検索します。</translation>
    </message>
    <message>
        <source>Choose a message to see its path.</source>
        <translation>メッセージを選ぶと、その経路が表示されます。</translation>
    </message>
    <message>
        <source>The connector is not running (%1): its journal cannot be searched.</source>
        <translation>コネクタが動作していないため (%1)、追跡記録を検索できません。</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>検索中...</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>検索できませんでした: %1</translation>
    </message>
    <message>
        <source>● Stored in Incoming Mail</source>
        <translation>● Incoming Mail に保存</translation>
    </message>
    <message>
        <source>● Routed to PickUp</source>
        <translation>● 振り分けて PickUp へ</translation>
    </message>
    <message>
        <source>✔ Delivered</source>
        <translation>✔ 配信済み</translation>
    </message>
    <message>
        <source>⏸ Deferred</source>
        <translation>⏸ 配信延期</translation>
    </message>
    <message>
        <source>✖ Moved to Failed Mail</source>
        <translation>✖ Failed Mail へ移動</translation>
    </message>
    <message>
        <source>✖ Moved to BadMail</source>
        <translation>✖ BadMail へ移動</translation>
    </message>
    <message>
        <source>★ Administrator</source>
        <translation>★ 管理者の操作</translation>
    </message>
    <message>
        <source>from mailbox %1 at %2, UIDL %3</source>
        <translation>メールボックス %1 (%2) から、UIDL %3</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>宛先 %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>振り分け: %1</translation>
    </message>
    <message>
        <source>Message-ID %1</source>
        <translation>Message-ID %1</translation>
    </message>
    <message>
        <source>to %1 at %2</source>
        <translation>%2 で %1 へ</translation>
    </message>
    <message>
        <source>requeued</source>
        <translation>再処理</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>sent to the undeliverable-mail mailbox</source>
        <translation>配信不能メール用メールボックスへ送信</translation>
    </message>
    <message>
        <source>%1 from %2 by %3</source>
        <translation>%2 から%1 (実行者: %3)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(不明)</translation>
    </message>
    <message>
        <source>Path of %1: now %2</source>
        <translation>%1 の経路 (現在: %2)</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>見つかったメッセージ</translation>
    </message>
    <message>
        <source>The messages the search found, most recent first, with where each is now.</source>
        <translation>検索で見つかったメッセージ (新しい順) と、それぞれの現在の場所。</translation>
    </message>
    <message>
        <source>Path of the selected message</source>
        <translation>選択したメッセージの経路</translation>
    </message>
    <message>
        <source>Each step of the selected message, oldest first: stored, routed, delivered or failed, and what administrators did with it.</source>
        <translation>選択したメッセージの各段階 (古い順): 保存、振り分け、配信または失敗と、管理者が行った操作。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TransferStage</name>
    <message>
        <source>the message has no readable sidecar (%1)</source>
        <translation>メッセージに読み取れるサイドカー (%1) がありません</translation>
    </message>
    <message>
        <source>the message cannot be read: %1</source>
        <translation>メッセージを読めません: %1</translation>
    </message>
    <message>
        <source>Message %1 could not be moved to Failed Mail: %2</source>
        <translation>メッセージ %1 を Failed Mail に移せませんでした: %2</translation>
    </message>
    <message>
        <source>Message %1 was moved to Failed Mail: %2</source>
        <translation>メッセージ %1 を Failed Mail に移しました: %2</translation>
    </message>
    <message>
        <source>Message %1 has no local recipient (%2); it was sent to %3.</source>
        <translation>メッセージ %1 にはローカルの受信者がいません (%2)。%3 に送りました。</translation>
    </message>
    <message>
        <source>Message %1 routed to %2.</source>
        <translation>メッセージ %1 を %2 に振り分けました。</translation>
    </message>
    <message>
        <source>Message %1 (Message-ID %2) was already delivered to its recipients; not delivered again.</source>
        <translation>メッセージ %1 (Message-ID %2) はすでに受信者に配信済みのため、再配信しません。</translation>
    </message>
    <message>
        <source>Transfer stopped: %1. The messages stay in Incoming Mail.</source>
        <translation>転送を止めました: %1。メッセージは Incoming Mail に残っています。</translation>
    </message>
    <message>
        <source>Transfer: %1 message(s) put in PickUp (%2 to the undeliverable-mail mailbox), %3 to Failed Mail, %4 duplicate(s) not delivered again.</source>
        <translation>転送: PickUp へ %1 通 (うち配信不能メール用メールボックス宛て %2 通)、Failed Mail へ %3 通、再配信しなかった重複 %4 通。</translation>
    </message>
    <message>
        <source>no pickup envelope can be written: %1</source>
        <translation>PickUp エンベロープを作成できません: %1</translation>
    </message>
    <message>
        <source>no undeliverable-mail mailbox is configured (undeliverable_mailbox), so nobody receives it for them</source>
        <translation>配信不能メール用メールボックス (undeliverable_mailbox) が設定されていないため、これらの受信者の分は誰にも届きません</translation>
    </message>
    <message>
        <source>a copy went to the undeliverable-mail mailbox %1</source>
        <translation>配信不能メール用メールボックス %1 にコピーを送りました</translation>
    </message>
    <message>
        <source>the undeliverable-mail mailbox %1 had a copy already</source>
        <translation>配信不能メール用メールボックス %1 にはすでにコピーが届いています</translation>
    </message>
    <message>
        <source>Message %1: %2 reach no local mailbox (%3); %4.</source>
        <translation>メッセージ %1: %2 はどのローカル メールボックスにも届きません (%3)。%4。</translation>
    </message>
    <message>
        <source>Message %1: %2; it is delivered with the sender %3.</source>
        <translation>メッセージ %1: %2。送信者を %3 として配信します。</translation>
    </message>
    <message>
        <source>to the undeliverable-mail mailbox: %1</source>
        <translation>配信不能メール用メールボックスへ: %1</translation>
    </message>
    <message>
        <source>delivered before to every recipient; not delivered again</source>
        <translation>すべての受信者に配信済みのため、再配信しません</translation>
    </message>
    <message>
        <source>it came from mailbox %1, which is no longer configured</source>
        <translation>取得元のメールボックス %1 は構成から削除されています</translation>
    </message>
    <message>
        <source>A PickUp file could not be rewritten in the pickup-directory format for the mail server that reads the folder (transport = pickup): %1. It stays in PickUp as it was; the next transfer tries again.</source>
        <translation>PickUp のファイルを、フォルダーを読み取るメール サーバー向けのピックアップ ディレクトリ形式に書き直せませんでした (transport = pickup): %1。ファイルは元のまま PickUp に残り、次の転送で再試行します。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TrayNotifier</name>
    <message>
        <source>POP3 Connector: the connector is not running</source>
        <translation>POP3 コネクタ: コネクタが動作していません</translation>
    </message>
    <message>
        <source>POP3 Connector: mail is not moving</source>
        <translation>POP3 コネクタ: メールが流れていません</translation>
    </message>
    <message>
        <source>POP3 Connector: something needs a look</source>
        <translation>POP3 コネクタ: 確認が必要な項目があります</translation>
    </message>
    <message>
        <source>POP3 Connector: working</source>
        <translation>POP3 コネクタ: 正常に動作中</translation>
    </message>
    <message>
        <source>Failed Mail (%1)</source>
        <translation>Failed Mail (%1 通)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::Troubleshooter</name>
    <message>
        <source>Login not tried: no password</source>
        <translation>ログインは試していません: パスワードがありません</translation>
    </message>
    <message>
        <source>See the password finding under Configuration.</source>
        <translation>「構成」のパスワードに関する結果を参照してください。</translation>
    </message>
    <message>
        <source>Delivery is left to another mail server (transport = pickup)</source>
        <translation>配信はほかのメール サーバーに任されています (transport = pickup)</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::TroubleshootingTab</name>
    <message>
        <source>Log level:</source>
        <translation>ログ レベル:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Minimum (errors)</source>
        <translation>最小 (エラー)</translation>
    </message>
    <message>
        <source>Medium (errors, warnings, summaries)</source>
        <translation>中 (エラー、警告、概要)</translation>
    </message>
    <message>
        <source>Maximum (everything, with protocol transcripts)</source>
        <translation>最大 (すべて、プロトコルの記録付き)</translation>
    </message>
    <message>
        <source>Undeliverable-mail mailbox:</source>
        <translation>配信不能メール用メールボックス:</translation>
    </message>
    <message>
        <source>postmaster@office.example</source>
        <translation>postmaster@office.example</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告とエラー</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>すべての分類</translation>
    </message>
    <message>
        <source>Find in events</source>
        <translation>イベントを検索</translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation>トラブルシューティング</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an event to see its cause and how to fix it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;イベントを選ぶと、原因と対処方法が表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>原因:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>対処:</translation>
    </message>
    <message>
        <source>The service did not take the configuration:
%1</source>
        <translation>サービスは設定を受け付けませんでした:
%1</translation>
    </message>
    <message>
        <source>Administrator&apos;s address for problem reports:</source>
        <translation>問題を通知する管理者のアドレス:</translation>
    </message>
    <message>
        <source>admin@office.example (empty: no reports by mail)</source>
        <translation>admin@office.example (空欄: メールで通知しない)</translation>
    </message>
    <message>
        <source>The service mails this address when a problem starts and when it ends, at most once an hour for each problem.</source>
        <translation>問題が起きたときと解消したときに、サービスがこのアドレスへメールを送ります。同じ問題については 1 時間に 1 通までです。</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>診断</translation>
    </message>
    <message>
        <source>Message tracking</source>
        <translation>メッセージ追跡</translation>
    </message>
    <message>
        <source>What the connector did and what went wrong, newest last.</source>
        <translation>コネクタが行ったことと発生した問題です。新しいものが下に表示されます。</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>イベントの詳細</translation>
    </message>
    <message>
        <source>The selected event&apos;s cause and what to do about it.</source>
        <translation>選択したイベントの原因と対処方法です。</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::UndeliverableField</name>
    <message>
        <source>&quot;%1&quot; is not an address like user@domain</source>
        <translation>&quot;%1&quot; は user@domain の形式のアドレスではありません</translation>
    </message>
    <message>
        <source>Undeliverable-mail mailbox</source>
        <translation>配信不能メールボックス</translation>
    </message>
    <message>
        <source>Not set. Mail that no rule can route waits in Failed Mail until someone moves it; enter a local address such as postmaster@your-domain.</source>
        <translation>未設定です。どのルールにも当てはまらないメールは、誰かが移動するまで Failed Mail に残ります。postmaster@自社ドメイン のようなローカル アドレスを入力してください。</translation>
    </message>
    <message>
        <source>Not an address the connector can deliver to: %1</source>
        <translation>コネクタが配信できるアドレスではありません: %1</translation>
    </message>
</context>
<context>
    <name>Pop3Connector::UniqueIdListing</name>
    <message>
        <source>a UIDL line is not valid: &quot;%1&quot;</source>
        <translation>UIDL の行が正しくありません: 「%1」</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot read the ledger %1: %2</source>
        <translation>台帳 %1 を読めません: %2</translation>
    </message>
    <message>
        <source>cannot write the ledger %1: %2</source>
        <translation>台帳 %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>no server or user is known for mailbox %1</source>
        <translation>メールボックス %1 のサーバーまたはユーザーが不明です</translation>
    </message>
    <message>
        <source>cannot write %1: the delivery history is not open</source>
        <translation>%1 に書き込めません: 配信履歴が開かれていません</translation>
    </message>
    <message>
        <source>Some steps of messages were not recorded in the message journal (the messages themselves are safe): %1</source>
        <translation>メッセージの処理の一部をメッセージ追跡記録に記録できませんでした (メッセージ自体は失われていません): %1</translation>
    </message>
    <message numerus="yes">
        <source>the message journal %1 is full for today; %n record(s) were not kept</source>
        <translation>
            <numerusform>メッセージ追跡記録 %1 は本日分の上限に達しました。%n 件の記録を保存できませんでした</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pop3connector</name>
    <message>
        <source>POP3 Connector Manager</source>
        <translation>POP3 コネクタ マネージャー</translation>
    </message>
    <message>
        <source>Configuration file of the service to administer (default %1).</source>
        <translation>管理するサービスの設定ファイル (既定: %1)。</translation>
    </message>
</context>
<context>
    <name>pop3connectord</name>
    <message>
        <source>Password: </source>
        <translation>パスワード: </translation>
    </message>
    <message>
        <source>pop3connectord: %1 has no [mailbox.%2] section</source>
        <translation>pop3connectord: %1 に [mailbox.%2] セクションがありません</translation>
    </message>
    <message>
        <source>pop3connectord: no password given; nothing stored</source>
        <translation>pop3connectord: パスワードが入力されなかったため、何も保存していません</translation>
    </message>
    <message>
        <source>Retrieves mail from POP3 mailboxes into the spool and delivers it to the local mail server.
Exit status: 0 all mailboxes succeeded, 1 a mailbox failed, 2 bad command line or configuration.</source>
        <translation>POP3 メールボックスからスプールへメールを取得し、ローカル メール サーバーに配信します。
終了コード: 0 すべて成功、1 失敗したメールボックスあり、2 コマンドラインまたは構成の誤り。</translation>
    </message>
    <message>
        <source>Configuration file (default %1).</source>
        <translation>構成ファイル (既定値 %1)。</translation>
    </message>
    <message>
        <source>Run one cycle, then exit.</source>
        <translation>1 サイクル実行して終了します。</translation>
    </message>
    <message>
        <source>Run only these stages, comma-separated: download, transfer, dispatch.</source>
        <translation>指定した段階だけを実行します (カンマ区切り): download、transfer、dispatch。</translation>
    </message>
    <message>
        <source>Check the configuration file and exit.</source>
        <translation>構成ファイルを検査して終了します。</translation>
    </message>
    <message>
        <source>pop3connectord: unexpected argument &quot;%1&quot;; see --help</source>
        <translation>pop3connectord: 予期しない引数「%1」です。--help を参照してください</translation>
    </message>
    <message>
        <source>pop3connectord: --stages takes download, transfer and dispatch, comma-separated; not &quot;%1&quot;</source>
        <translation>pop3connectord: --stages には download、transfer、dispatch をカンマ区切りで指定します。「%1」は使えません</translation>
    </message>
    <message>
        <source>%1: configuration is valid.</source>
        <translation>%1: 構成は正常です。</translation>
    </message>
    <message>
        <source>pop3connectord: %1: %2 What to do: %3</source>
        <translation>pop3connectord: %1: %2 対処: %3</translation>
    </message>
    <message>
        <source>Password for %1 stored in %2.</source>
        <translation>%1 のパスワードを %2 に保存しました。</translation>
    </message>
    <message>
        <source>pop3connectord: cannot store the password in %1: %2. Unlock the keychain, or use password_file.</source>
        <translation>pop3connectord: パスワードを %1 に保存できません: %2。キーチェーンのロックを解除するか、password_file を使ってください。</translation>
    </message>
    <message>
        <source>Password for %1 stored by the running service in %2.</source>
        <translation>実行中のサービスが %1 のパスワードを %2 に保存しました。</translation>
    </message>
    <message>
        <source>Read a password from standard input and store it for the mailbox (or &quot;delivery&quot;), through the running service when one answers.</source>
        <translation>標準入力からパスワードを読み取り、メールボックス (または「delivery」) 用に保存します。実行中のサービスが応答する場合は、そのサービスを通じて保存します。</translation>
    </message>
    <message>
        <source>No service is running</source>
        <translation>サービスが実行されていません</translation>
    </message>
    <message>
        <source>nothing answers on %1; these checks ran as user id %2</source>
        <translation>%1 で応答がありません。この検査はユーザー ID %2 として実行しました</translation>
    </message>
    <message>
        <source>Start the service (systemctl start pop3connector), unless cycles run from cron with --once.</source>
        <translation>cron から --once でサイクルを実行しているのでなければ、サービスを起動してください (systemctl start pop3connector)。</translation>
    </message>
    <message>
        <source>Run every check of the troubleshooter (by the running service when one answers) and print the report. Exit status: 0 all pass, 1 a warning, 2 a failure.</source>
        <translation>トラブルシューティングのすべての検査を実行し (実行中のサービスが応答する場合はそのサービスが実行)、レポートを表示します。終了コード: 0 すべて合格、1 警告あり、2 失敗あり。</translation>
    </message>
    <message>
        <source>--diagnose: print JSON, for monitoring.</source>
        <translation>--diagnose: 監視用に JSON で出力します。</translation>
    </message>
</context>
</TS>
