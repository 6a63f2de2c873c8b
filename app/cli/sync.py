"""`hexie keys`, `hexie export-bundle` and `hexie import-bundle`: the office's
keys and the sync bundles (issue #6)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import shared
from app.cli.shared import EXIT_OK, CliError, Command, db_options, open_db, print_json

if TYPE_CHECKING:
    from app.services.core.storage import Database


def _keys_arguments(p: argparse.ArgumentParser) -> None:
    keys_sub = p.add_subparsers(dest="keys_command", required=True)
    k = keys_sub.add_parser(
        "init", help="生成本单位密钥（口令从 --passphrase-file 或 HEXIE_PASSPHRASE 读取）"
    )
    db_options(k)
    k.add_argument("--passphrase-file", default=None)
    k.add_argument("--replace", action="store_true", help="更换已有密钥")
    k = keys_sub.add_parser("export", help="导出本单位公钥文件")
    db_options(k)
    k.add_argument("-o", "--out", required=True)
    k = keys_sub.add_parser("trust", help="信任对方单位的公钥（核对指纹）")
    k.add_argument("keyfile")
    db_options(k)
    k.add_argument("--yes", action="store_true", help="不询问，直接信任")
    k.add_argument("--email", default="", help="对方接收同步包的电子邮箱")
    k.add_argument(
        "--replace",
        action="store_true",
        help="对方更换了密钥：用这个公钥替换已信任的旧密钥（旧密钥作废并记下日期）",
    )


def _export_arguments(p: argparse.ArgumentParser) -> None:
    db_options(p)
    p.add_argument("--to", required=True, metavar="OFFICE_CODE")
    p.add_argument("-o", "--out", required=True, help="输出文件夹")
    p.add_argument("--full", action="store_true", help="全量（默认只含对方尚未确认收到的变动）")
    p.add_argument("--max-part-mb", type=float, default=15.0)
    p.add_argument("--eml", action="store_true", help="同时生成可直接发送的邮件草稿 .eml")
    p.add_argument("--attachments", action="store_true", help="包含佐证材料文件")
    p.add_argument("--passphrase-file", default=None)


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+")
    db_options(p)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.add_argument("--passphrase-file", default=None)


def _passphrase(args: argparse.Namespace) -> str:
    """Never from an argument (it would stay in the shell history): a file or HEXIE_PASSPHRASE."""
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text("utf-8").strip()
        except OSError as exc:
            raise CliError(f"无法读取口令文件：{exc}") from exc
    value = os.environ.get("HEXIE_PASSPHRASE")
    if not value:
        raise CliError("请用 --passphrase-file 或环境变量 HEXIE_PASSPHRASE 提供口令。")
    return value


def cmd_keys(args: argparse.Namespace) -> int:
    from app.services.sync import keys

    with open_db(args) as db:
        try:
            if args.keys_command == "init":
                public = keys.init(db, _passphrase(args), replace=args.replace)
                print(f"已生成本单位密钥。指纹：{public.fingerprint}")
                print("请打印恢复单（设置 → 密钥 → 打印恢复单）并锁好。")
            elif args.keys_command == "export":
                out = keys.export_public(db, args.out)
                print(f"已导出公钥 {out}，指纹：{keys.own_public(db).fingerprint}")
            else:
                _trust(db, args)
        except keys.KeyError_ as exc:
            raise CliError(str(exc)) from exc
    return EXIT_OK


def _trust(db: Database, args: argparse.Namespace) -> None:
    """Trust a peer's key after the fingerprint is checked; a different key for an
    office already trusted only with --replace, showing both fingerprints."""
    from app.services.sync import keys

    key = keys.read_public(args.keyfile)
    old = keys.trusted_fingerprint(db, key.office_code)
    if old and old != key.fingerprint and not args.replace:
        raise keys.KeyReplacementNeeded(key.office_code, key.name, old, key.fingerprint)
    if old and old != key.fingerprint:
        print(f"更换 {key.name}（{key.office_code}）的密钥：")
        print(f"  旧指纹（将作废）：{old}")
        print(f"  新指纹：{key.fingerprint}")
        prompt = "请与对方电话核对新指纹，确认更换请输入 yes："
    else:
        print(f"{key.name}（{key.office_code}）的指纹：{key.fingerprint}")
        prompt = "请与对方电话核对指纹，一致请输入 yes："
    if not args.yes and input(prompt).strip().lower() != "yes":
        raise CliError("未信任：指纹未确认。")
    result = keys.trust(db, key, email=args.email, replace=args.replace)
    if result.outcome == "replaced":
        print(
            f"已更换密钥。旧密钥（{result.old_fingerprint}）已作废，此后用它签名的同步包将被拒绝。"
        )
    elif result.outcome == "same":
        print("已信任过这把密钥，无需更改。")
    else:
        print("已信任。")


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from app.services.sync import bundle, keys

    with open_db(args) as db:
        try:
            private = keys.unlock(db, _passphrase(args))
            result = bundle.export(
                db,
                args.to,
                args.out,
                private,
                full=args.full,
                max_part_mb=args.max_part_mb,
                with_attachments=args.attachments,
            )
            if args.eml:
                peer = keys.peer(db, args.to)
                me = keys.own_public(db)
                eml = bundle.write_eml(
                    result.files,
                    peer.email,
                    me.name,
                    peer.name,
                    Path(args.out) / (result.files[0].name.split(".hexie")[0] + ".eml"),
                )
                print(f"邮件草稿：{eml}")
        except (keys.KeyError_, bundle.BundleError) as exc:
            raise CliError(str(exc)) from exc
    print(
        f"已导出第 {result.sequence} 号同步包（{result.size / 1024:.0f} KB）："
        + "、".join(p.name for p in result.files)
    )
    from app.services.core.stats import RECORD_TYPE_NAMES

    for name, n in result.counts.items():  # in words, as import-bundle prints them
        print(f"  {RECORD_TYPE_NAMES.get(name, name)}：{n}")
    return EXIT_OK


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from app.services.sync import bundle, keys

    with open_db(args, write=not args.dry_run) as db:  # a dry run only reads
        try:
            private = keys.unlock(db, _passphrase(args))
            # A real import backs the database up first (inside import_work).
            summary = shared.run_work(
                bundle.import_work(db, args.paths, private, dry_run=args.dry_run)
            )
        except keys.KeyError_ as exc:
            raise CliError(str(exc)) from exc
        except bundle.BundleError as exc:
            if args.json:
                print_json({"rejected": str(exc)})
            raise CliError(str(exc), shared.EXIT_REJECTED) from exc
    if args.json:
        print_json(summary, default=str)
        return EXIT_OK
    from app.services.core.stats import RECORD_TYPE_NAMES

    for b in summary["bundles"]:
        state = "已导入过" if b["already_imported"] else ("将导入" if args.dry_run else "已导入")
        print(f"{b['name']}（{b['sender']}）：{state}")
        for name, c in b["counts"].items():
            print(
                f"  {RECORD_TYPE_NAMES.get(name, name)}：新增 {c['added']}，更新 {c['updated']}，"
                f"删除 {c['deleted']}，无变化 {c['unchanged']}，冲突 {c['conflicts']}"
            )
    for gap in summary["gaps"]:
        print(f"注意：{gap}")
    for problem in summary.get("file_problems", []):
        print(f"注意：{problem}")
    if summary.get("receipt_note"):
        print(f"注意：{summary['receipt_note']}")
    for receipt in summary.get("receipts", []):
        print(f"回执：{receipt}（请发回对方）")
    return EXIT_OK


COMMANDS = {
    "keys": Command("本单位密钥与信任的单位", _keys_arguments, cmd_keys),
    "export-bundle": Command("导出同步包", _export_arguments, cmd_export_bundle),
    "import-bundle": Command("导入同步包（文件或文件夹）", _import_arguments, cmd_import_bundle),
}
