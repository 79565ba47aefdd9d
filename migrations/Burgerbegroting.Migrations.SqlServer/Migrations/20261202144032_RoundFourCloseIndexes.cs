using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RoundFourCloseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries");

            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_IdeaId",
                table: "BallotEntries");

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_BallotId_ThemeId_IdeaId",
                table: "BallotEntries",
                columns: new[] { "BallotId", "ThemeId", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_IdeaId_ThemeId_BallotId",
                table: "BallotEntries",
                columns: new[] { "IdeaId", "ThemeId", "BallotId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_BallotId_ThemeId_IdeaId",
                table: "BallotEntries");

            migrationBuilder.DropIndex(
                name: "IX_BallotEntries_IdeaId_ThemeId_BallotId",
                table: "BallotEntries");

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_BallotId_ThemeId",
                table: "BallotEntries",
                columns: new[] { "BallotId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotEntries_IdeaId",
                table: "BallotEntries",
                column: "IdeaId");
        }
    }
}
