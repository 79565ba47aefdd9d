using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Burgerbegroting.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeyLengthsAndCascadePaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IdeaResults_Ideas_IdeaId",
                table: "IdeaResults");

            migrationBuilder.AddForeignKey(
                name: "FK_IdeaResults_Ideas_IdeaId",
                table: "IdeaResults",
                column: "IdeaId",
                principalTable: "Ideas",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IdeaResults_Ideas_IdeaId",
                table: "IdeaResults");

            migrationBuilder.AddForeignKey(
                name: "FK_IdeaResults_Ideas_IdeaId",
                table: "IdeaResults",
                column: "IdeaId",
                principalTable: "Ideas",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
