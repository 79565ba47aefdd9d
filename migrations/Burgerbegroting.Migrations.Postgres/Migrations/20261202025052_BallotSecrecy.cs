using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Burgerbegroting.Migrations.Postgres.Migrations
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
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    VoterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    FirstVotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastVotedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "bytea", maxLength: 128, nullable: false)
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReceiptCode",
                table: "Ballots",
                type: "character varying(9)",
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
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "BallotEntries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

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
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "Ballots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "Ballots",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Ballots",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "VoterId",
                table: "Ballots",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "BallotEntries",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RoundId_VoterId",
                table: "Ballots",
                columns: new[] { "RoundId", "VoterId" },
                unique: true);
        }
    }
}
