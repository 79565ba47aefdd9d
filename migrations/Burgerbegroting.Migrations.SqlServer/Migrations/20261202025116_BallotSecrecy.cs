using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.SqlServer.Migrations
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
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    VoterId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    FirstVotedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastVotedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "varbinary(128)", maxLength: 128, nullable: false)
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
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptCode",
                table: "Ballots",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            // Existing ballots (docs/secrecy.md, "Upgrading"): who voted moves to Participations; each ballot keeps its
            // voter only as a marker that the app replaces at startup (BallotSecrecyUpgrade) by the keyed pseudonym, or
            // in a published round by a random one, before it takes any request.
            migrationBuilder.Sql("INSERT INTO [Participations] ([RoundId], [VoterId], [Channel], [FirstVotedAt], [LastVotedAt]) SELECT [RoundId], [VoterId], [Channel], [SubmittedAt], [UpdatedAt] FROM [Ballots];");
            migrationBuilder.Sql("UPDATE [Ballots] SET [Pseudonym] = N'legacy:' + [VoterId], [ReceiptCode] = N'L' + CAST([Id] AS nvarchar(8));");

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

            // SQL Server cannot drop IDENTITY from a column: the id is copied into a new column without it.
            migrationBuilder.DropForeignKey(name: "FK_BallotEntries_Ballots_BallotId", table: "BallotEntries");
            migrationBuilder.DropPrimaryKey(name: "PK_Ballots", table: "Ballots");
            migrationBuilder.AddColumn<long>(name: "NewId", table: "Ballots", type: "bigint", nullable: true);
            migrationBuilder.Sql("UPDATE [Ballots] SET [NewId] = [Id];");
            migrationBuilder.DropColumn(name: "Id", table: "Ballots");
            migrationBuilder.RenameColumn(name: "NewId", table: "Ballots", newName: "Id");
            migrationBuilder.AlterColumn<long>(name: "Id", table: "Ballots", type: "bigint", nullable: false, oldClrType: typeof(long), oldType: "bigint", oldNullable: true);
            migrationBuilder.AddPrimaryKey(name: "PK_Ballots", table: "Ballots", column: "Id");
            migrationBuilder.AddForeignKey(name: "FK_BallotEntries_Ballots_BallotId", table: "BallotEntries", column: "BallotId", principalTable: "Ballots", principalColumn: "Id", onDelete: ReferentialAction.Cascade);

            // SQL Server cannot drop IDENTITY from a column: the id is copied into a new column without it.
            migrationBuilder.DropPrimaryKey(name: "PK_BallotEntries", table: "BallotEntries");
            migrationBuilder.AddColumn<long>(name: "NewId", table: "BallotEntries", type: "bigint", nullable: true);
            migrationBuilder.Sql("UPDATE [BallotEntries] SET [NewId] = [Id];");
            migrationBuilder.DropColumn(name: "Id", table: "BallotEntries");
            migrationBuilder.RenameColumn(name: "NewId", table: "BallotEntries", newName: "Id");
            migrationBuilder.AlterColumn<long>(name: "Id", table: "BallotEntries", type: "bigint", nullable: false, oldClrType: typeof(long), oldType: "bigint", oldNullable: true);
            migrationBuilder.AddPrimaryKey(name: "PK_BallotEntries", table: "BallotEntries", column: "Id");

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
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ballots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Ballots",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Ballots",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "VoterId",
                table: "Ballots",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "BallotEntries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_VoterId",
                table: "Ballots",
                columns: new[] { "RoundId", "VoterId" },
                unique: true);
        }
    }
}
