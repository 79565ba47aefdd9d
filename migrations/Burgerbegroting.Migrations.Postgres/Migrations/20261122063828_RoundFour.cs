using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Burgerbegroting.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoundFour : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries");

            migrationBuilder.AddColumn<int>(
                name: "IdeaId",
                table: "BallotEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WantsUpdates",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "IdeaResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ThemeId = table.Column<int>(type: "integer", nullable: false),
                    Votes = table.Column<long>(type: "bigint", nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    Selected = table.Column<bool>(type: "boolean", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RemainingAtTurn = table.Column<long>(type: "bigint", nullable: true),
                    SupportersMoneyLeft = table.Column<long>(type: "bigint", nullable: true),
                    WonTieAgainst = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaResults_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaResults_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries",
                columns: new[] { "BallotId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_IdeaId",
                table: "BallotEntries",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaResults_IdeaId",
                table: "IdeaResults",
                column: "IdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaResults_RoundId_IdeaId",
                table: "IdeaResults",
                columns: new[] { "RoundId", "IdeaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdeaResults_ThemeId",
                table: "IdeaResults",
                column: "ThemeId");

            migrationBuilder.AddForeignKey(
                name: "FK_BallotEntries_Ideas_IdeaId",
                table: "BallotEntries",
                column: "IdeaId",
                principalTable: "Ideas",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BallotEntries_Ideas_IdeaId",
                table: "BallotEntries");

            migrationBuilder.DropTable(
                name: "IdeaResults");

            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries");

            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_IdeaId",
                table: "BallotEntries");

            migrationBuilder.DropColumn(
                name: "IdeaId",
                table: "BallotEntries");

            migrationBuilder.DropColumn(
                name: "WantsUpdates",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries",
                columns: new[] { "BallotId", "ThemeId" },
                unique: true);
        }
    }
}
