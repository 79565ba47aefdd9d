using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BallotSecrecy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstVotedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastVotedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participations", x => new { x.RoundId, x.VoterId });
                    table.ForeignKey(
                        name: "FK_Participations_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundKeys",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "BLOB", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundKeys", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_RoundKeys_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddColumn<string>(
                name: "Pseudonym",
                table: "Ballots",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptCode",
                table: "Ballots",
                type: "TEXT",
                maxLength: 9,
                nullable: false,
                defaultValue: "");

            // Existing ballots (docs/secrecy.md, "Upgrading"): who voted moves to Participations; each ballot keeps its
            // voter only as a marker that the app replaces at startup (BallotSecrecyUpgrade) by the keyed pseudonym, or
            // in a published round by a random one, before it takes any request.
            migrationBuilder.Sql("INSERT INTO \"Participations\" (\"RoundId\", \"VoterId\", \"Channel\", \"FirstVotedAt\", \"LastVotedAt\") SELECT \"RoundId\", \"VoterId\", \"Channel\", \"SubmittedAt\", \"UpdatedAt\" FROM \"Ballots\";");
            migrationBuilder.Sql("UPDATE \"Ballots\" SET \"Pseudonym\" = 'legacy:' || \"VoterId\", \"ReceiptCode\" = 'L' || \"Id\";");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_RoundId_VoterId",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "VoterId",
                table: "Ballots");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "BallotEntries",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_Pseudonym",
                table: "Ballots",
                columns: new[] { "RoundId", "Pseudonym" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_ReceiptCode",
                table: "Ballots",
                columns: new[] { "RoundId", "ReceiptCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "RoundKeys");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_RoundId_Pseudonym",
                table: "Ballots");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_RoundId_ReceiptCode",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "Pseudonym",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "ReceiptCode",
                table: "Ballots");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Ballots",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Ballots",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "VoterId",
                table: "Ballots",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "BallotEntries",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_VoterId",
                table: "Ballots",
                columns: new[] { "RoundId", "VoterId" },
                unique: true);
        }
    }
}
